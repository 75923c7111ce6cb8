package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.IHttpClient;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import io.github.pbitoken.core.testing.TestTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 200 responses that would hang MSAL4J 1.26.1 (a JSON array: endless loop at 100% CPU), crash it
 * (empty body: NullPointerException) or fool it (no access_token: "success" with a null token) end
 * as an unexpected response, quickly, after one request.
 */
class MalformedTokenResponseTest {
  private static final String TOKEN = "leaky-token-0123456789";
  private final IHttpClient http = mock(IHttpClient.class);
  private final MsalTokenAcquirer acquirer =
      MsalTokenAcquirer.create(
          Entra.settings(Entra.canarySecret(), null, Duration.ofSeconds(5), 3, null),
          http,
          new RecordingSleeper(),
          Clock.systemUTC());

  @ParameterizedTest(name = "[{index}] body <{0}>")
  @ValueSource(
      strings = {
        "[]",
        "[{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599}]",
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"scp\":[\"a\",\"b\"]}",
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"x\":{\"y\":1}}",
        "",
        "   ",
        "null",
        "{}",
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599}",
        "{\"access_token\":\"\",\"expires_in\":3599}",
        "{\"access_token\":null,\"expires_in\":3599}",
        "{\"access_token\":\"" + TOKEN + "\"}",
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599.5}",
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":\"soon\"}",
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":99999999999999}",
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"refresh_in\":-1}",
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599",
        "<html><head><title>Sign in</title></head><body>" + TOKEN + "</body></html>",
      })
  void givenAMalformed200_whenAcquiring_thenUnexpectedResponseQuicklyAfterOneRequest(String body)
      throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.json(200, body));

    UnexpectedIdentityProviderResponseException failure =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                assertThrows(
                    UnexpectedIdentityProviderResponseException.class,
                    () -> acquirer.acquire(TestTokens.aRequest())));

    verify(http, times(1)).send(any());
    assertTrue(failure.getMessage().contains("unusable token response"), failure.getMessage());
    assertTrue(failure.getMessage().contains("login.microsoftonline.com"), failure.getMessage());
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(TOKEN), trace.toString());
    assertFalse(trace.toString().contains("<html>"), trace.toString());
    assertNull(failure.getCause());
  }

  @Test
  void givenAHugeBody_whenTheTransportCutsItOff_thenItIsNotJson() {
    String huge =
        "{\"access_token\":\"" + "x".repeat(HttpsUrlConnectionClient.MAX_BODY_BYTES) + "\"";
    assertTrue(TokenEndpointGuard.problemWithSuccess(huge).contains("not JSON"));
  }

  @Test
  void givenTheMinimalResponseMsalAccepts_whenGuarding_thenItPasses() {
    assertNull(
        TokenEndpointGuard.problemWithSuccess("{\"access_token\":\"t\",\"expires_in\":\"3599\"}"));
    assertNull(
        TokenEndpointGuard.problemWithSuccess(
            "{\"token_type\":\"Bearer\",\"scope\":\"s\",\"expires_in\":3599,"
                + "\"ext_expires_in\":3599,\"refresh_in\":1800,\"access_token\":\"t\","
                + "\"foo\":null,\"bar\":true}"));
  }
}
