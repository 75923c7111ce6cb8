package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.IHttpClient;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No secret, token or response body in any log line at any level, MSAL's own included. */
class LoggingLeakTest {
  private final String secret = Entra.canarySecret();
  private final String token = Entra.fakeToken();
  private final IHttpClient http = mock(IHttpClient.class);

  @Test
  void givenEveryKindOfOutcome_whenLoggingAtAllLevels_thenNoSecretTokenOrBodyIsLogged()
      throws Exception {
    String bodyMarker = "body-marker-" + secret.hashCode();
    when(http.send(any()))
        .thenAnswer(call -> Entra.error(503, "temporarily_unavailable", 0))
        .thenAnswer(call -> Entra.token(token, 3599))
        .thenAnswer(call -> Entra.json(200, "{\"access_token\":\"" + token + "\",\"x\":[1]}"))
        .thenAnswer(call -> Entra.json(401, "<html>" + bodyMarker + "</html>"))
        .thenAnswer(call -> Entra.error(401, "invalid_client", 7000215));
    MsalTokenAcquirer acquirer =
        MsalTokenAcquirer.create(
            Entra.settings(secret, null, Duration.ofSeconds(10), 3, null),
            http,
            new RecordingSleeper(),
            Clock.systemUTC());

    acquirer.acquire(TestTokens.aRequest()); // 503, then a token
    acquirer.acquire(TestTokens.aRequest()); // cache hit
    for (int i = 0; i < 3; i++) { // malformed 200, HTML 401, Entra 401
      assertThrows(
          TokenAcquisitionException.class,
          () -> acquirer.acquire(TestTokens.aRequest().withForceRefresh()));
    }

    List<String> lines = CapturingLoggerProvider.lines();
    assertTrue(
        lines.stream().anyMatch(line -> line.contains("requesting a token for app")),
        "the adapter's DEBUG lines were not captured: " + lines);
    for (String line : lines) {
      assertFalse(line.contains(secret), "secret logged: " + line.replace(secret, "<SECRET>"));
      assertFalse(line.contains(token), "token logged: " + line.replace(token, "<TOKEN>"));
      assertFalse(line.contains(bodyMarker), "body logged: " + line);
      assertFalse(line.toLowerCase(java.util.Locale.ROOT).contains("client_secret="), line);
    }
  }
}
