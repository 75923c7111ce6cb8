package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.InteractionRequiredException;
import io.github.pbitoken.core.domain.PermissionMissingException;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import io.github.pbitoken.core.testing.TestTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row of {@link MsalErrorTranslator}'s table, through MSAL from the HTTP seam up. */
class MsalErrorTranslationTest {
  private final String secret = Entra.canarySecret();
  private final IHttpClient http = mock(IHttpClient.class);
  private final MsalTokenAcquirer acquirer =
      MsalTokenAcquirer.create(
          Entra.settings(secret, null, Duration.ofSeconds(10), 1, null),
          http,
          new RecordingSleeper(),
          Clock.systemUTC());

  static Stream<Arguments> entraErrors() {
    return Stream.of(
        // status, error, AADSTS code (0: none), expected failure, fix hint expected
        row(401, "invalid_client", 7000215, CredentialsRejectedException.class, true),
        row(401, "invalid_client", 7000222, CredentialsRejectedException.class, true),
        row(400, "unauthorized_client", 700016, CredentialsRejectedException.class, true),
        row(400, "invalid_request", 90002, CredentialsRejectedException.class, true),
        row(400, "invalid_request", 90038, CredentialsRejectedException.class, true),
        row(400, "invalid_grant", 50126, CredentialsRejectedException.class, true),
        row(400, "invalid_grant", 50034, CredentialsRejectedException.class, true),
        row(401, "invalid_client", 7000218, CredentialsRejectedException.class, true),
        row(401, "invalid_client", 700025, CredentialsRejectedException.class, true),
        row(400, "invalid_client", 700024, CredentialsRejectedException.class, true),
        row(401, "invalid_client", 0, CredentialsRejectedException.class, true),
        row(400, "unauthorized_client", 0, CredentialsRejectedException.class, true),
        row(400, "invalid_grant", 65001, PermissionMissingException.class, true),
        row(400, "invalid_scope", 70011, PermissionMissingException.class, true),
        row(400, "invalid_scope", 1002012, PermissionMissingException.class, true),
        row(400, "invalid_resource", 500011, PermissionMissingException.class, true),
        row(400, "invalid_request", 28000, PermissionMissingException.class, true),
        row(400, "interaction_required", 53003, PermissionMissingException.class, true),
        row(400, "invalid_scope", 0, PermissionMissingException.class, true),
        row(400, "interaction_required", 50076, InteractionRequiredException.class, true),
        row(400, "interaction_required", 50079, InteractionRequiredException.class, true),
        row(400, "invalid_grant", 50173, InteractionRequiredException.class, true),
        row(400, "invalid_grant", 700082, InteractionRequiredException.class, true),
        row(400, "invalid_grant", 0, InteractionRequiredException.class, true),
        row(400, "interaction_required", 0, InteractionRequiredException.class, true),
        row(429, "temporarily_unavailable", 0, IdentityProviderUnavailableException.class, true),
        row(500, "server_error", 50000, IdentityProviderUnavailableException.class, true),
        row(503, "temporarily_unavailable", 0, IdentityProviderUnavailableException.class, true),
        row(504, "some_gateway_error", 0, IdentityProviderUnavailableException.class, true),
        row(400, "invalid_request", 50059, UnexpectedIdentityProviderResponseException.class, true),
        row(
            400,
            "invalid_request",
            9999999,
            UnexpectedIdentityProviderResponseException.class,
            false),
        row(400, "invalid_request", 0, UnexpectedIdentityProviderResponseException.class, false));
  }

  private static Arguments row(
      int status,
      String error,
      int code,
      Class<? extends TokenAcquisitionException> expected,
      boolean hint) {
    return Arguments.of(status, error, code, expected, hint);
  }

  @ParameterizedTest(name = "HTTP {0} {1} AADSTS{2} -> {3}")
  @MethodSource("entraErrors")
  void givenAnEntraError_whenAcquiring_thenItIsTranslatedByTheTable(
      int status,
      String error,
      int code,
      Class<? extends TokenAcquisitionException> expected,
      boolean hintExpected)
      throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(status, error, code));

    TokenAcquisitionException failure =
        assertThrows(
            TokenAcquisitionException.class, () -> acquirer.acquire(TestTokens.aRequest()));

    assertInstanceOf(expected, failure, failure::toString);
    assertEquals(code == 0 ? List.of() : List.of(code), failure.details().aadstsCodes());
    assertEquals(Entra.CORRELATION_ID, failure.details().correlationId());
    assertEquals(hintExpected, failure.details().hint().isPresent(), failure::toString);
    assertEquals(error, failure.details().error());
    String message = failure.getMessage();
    if (code != 0) {
      assertTrue(message.contains("AADSTS" + code + ")"), message);
    }
    if (!(failure instanceof IdentityProviderUnavailableException)) {
      assertTrue(message.contains(Entra.CLIENT_ID.value()), message);
    }
    assertTrue(
        message.contains(TestTokens.anyTenantId().value())
            || message.contains("login.microsoftonline.com"),
        message);
    assertOneLineAndLeakFree(failure);
    assertEquals(failure instanceof IdentityProviderUnavailableException, failure.retryable());
  }

  @Test
  void givenTheBriefsExample_whenTheSecretIsRejected_thenTheMessageSaysSo() throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(401, "invalid_client", 7000215));

    CredentialsRejectedException failure =
        assertThrows(
            CredentialsRejectedException.class, () -> acquirer.acquire(TestTokens.aRequest()));

    assertEquals(
        "the identity provider rejected the client secret of app "
            + Entra.CLIENT_ID
            + " in tenant "
            + TestTokens.anyTenantId()
            + " (AADSTS7000215)",
        failure.getMessage());
    assertEquals(
        "use the secret's Value, not its Secret ID; check it exists and has not expired",
        failure.details().fixHint());
  }

  @Test
  void givenAnHtml503_whenAcquiring_thenUnavailableWithTheStatus() throws Exception {
    when(http.send(any()))
        .thenAnswer(
            call ->
                Entra.json(503, "<html><body>Service Unavailable " + secret + "</body></html>"));

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer.acquire(TestTokens.aRequest()));

    assertTrue(failure.getMessage().contains("HTTP 503"), failure.getMessage());
    assertOneLineAndLeakFree(failure);
  }

  @Test
  void givenAnEmptyBody429WithRetryAfter_whenAcquiring_thenUnavailableWithRetryAfter()
      throws Exception {
    when(http.send(any()))
        .thenAnswer(call -> Entra.withHeader(Entra.json(429, ""), "Retry-After", "120"));

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer.acquire(TestTokens.aRequest()));

    assertEquals(Duration.ofSeconds(120), failure.retryAfter().orElseThrow());
    assertTrue(failure.getMessage().contains("HTTP 429"), failure.getMessage());
  }

  @Test
  void givenNoCorrelationIdInTheBody_whenTranslating_thenTheEchoedRequestIdIsUsed()
      throws Exception {
    when(http.send(any()))
        .thenAnswer(
            call ->
                Entra.withHeader(
                    Entra.json(
                        401,
                        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: x\","
                            + "\"error_codes\":[7000215]}"),
                    "client-request-id",
                    "00000000-0000-0000-0000-0000000000ec"));

    CredentialsRejectedException failure =
        assertThrows(
            CredentialsRejectedException.class, () -> acquirer.acquire(TestTokens.aRequest()));

    assertEquals("00000000-0000-0000-0000-0000000000ec", failure.details().correlationId());
  }

  @Test
  void givenErrorCodesButNoAadstsPrefix_whenTranslating_thenTheCodeIsStillFound() throws Exception {
    when(http.send(any()))
        .thenAnswer(
            call ->
                Entra.json(
                    400,
                    "{\"error\":\"invalid_request\",\"error_description\":\"Tenant not found.\","
                        + "\"error_codes\":[90002],\"extra\":[[1],{\"a\":[]}]}"));

    CredentialsRejectedException failure =
        assertThrows(
            CredentialsRejectedException.class, () -> acquirer.acquire(TestTokens.aRequest()));

    assertEquals(List.of(90002), failure.details().aadstsCodes());
  }

  static Stream<Arguments> ioFailures() {
    return Stream.of(
        Arguments.of(new ConnectException("Connection refused"), "could not connect"),
        Arguments.of(new UnknownHostException("login.microsoftonline.com"), "could not resolve"),
        Arguments.of(new SocketTimeoutException("Read timed out"), "did not answer in time"),
        Arguments.of(new java.net.SocketException("Connection reset"), "connection"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ioFailures")
  void givenAnIoFailure_whenAcquiring_thenUnavailableNamingTheHost(Exception io, String says)
      throws Exception {
    when(http.send(any())).thenThrow(io);

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer.acquire(TestTokens.aRequest()));

    assertTrue(failure.getMessage().contains(says), failure.getMessage());
    assertTrue(failure.getMessage().contains("login.microsoftonline.com"), failure.getMessage());
    assertTrue(failure.retryable());
    assertEquals(io, failure.getCause());
    assertOneLineAndLeakFree(failure);
  }

  @Test
  void givenAnUntrustedCertificate_whenAcquiring_thenATrustProblemWithTheTrustBundleHint()
      throws Exception {
    SSLHandshakeException handshake =
        new SSLHandshakeException(
            "PKIX path building failed: unable to find valid certification path");
    handshake.initCause(new CertificateException("unable to find valid certification path"));
    when(http.send(any())).thenThrow(handshake);

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer.acquire(TestTokens.aRequest()));

    assertTrue(failure.getMessage().contains("certificate"), failure.getMessage());
    assertTrue(failure.getMessage().contains("trust"), failure.getMessage());
    String hint = failure.details().fixHint();
    assertTrue(hint.contains("trust-store setting"), hint);
    assertTrue(hint.contains("never disable certificate verification"), hint);
  }

  @Test
  void givenHttpRequestsAreRetriedByNobodyButTheAdapter_whenA503_thenOneRequest() throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(503, "temporarily_unavailable", 0));

    assertThrows(
        IdentityProviderUnavailableException.class, () -> acquirer.acquire(TestTokens.aRequest()));

    verify(http, times(1)).send(any()); // maxAttempts 1, and MSAL's own retry is off
  }

  // --- rows that need no HTTP: the translator on its own ---

  private final MsalErrorTranslator translator =
      new MsalErrorTranslator(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
  private final MsalErrorTranslator.Target target =
      new MsalErrorTranslator.Target(
          "login.microsoftonline.com",
          Entra.CLIENT_ID,
          TestTokens.anyTenantId(),
          Duration.ofSeconds(30));

  @Test
  void givenWrappedFailures_whenTranslating_thenTheyAreUnwrapped() {
    Throwable wrapped =
        new ExecutionException(new CompletionException(new ConnectException("refused")));

    assertInstanceOf(
        IdentityProviderUnavailableException.class, translator.translate(wrapped, target));
  }

  @Test
  void givenATimeout_whenTranslating_thenUnavailableNamingTheHostAndTheBound() {
    TokenAcquisitionException failure = translator.translate(new TimeoutException(), target);

    assertInstanceOf(IdentityProviderUnavailableException.class, failure);
    assertTrue(failure.getMessage().contains("login.microsoftonline.com"), failure.getMessage());
    assertTrue(failure.getMessage().contains("within 30 s"), failure.getMessage());
  }

  @Test
  void givenMsalsHttpTimeout_whenTranslating_thenUnavailable() {
    assertInstanceOf(
        IdentityProviderUnavailableException.class,
        translator.translate(new MsalClientException("timed out", "http_timeout"), target));
  }

  @Test
  void givenMsalThrottling_whenTranslating_thenUnavailableWithRetryAfter() {
    TokenAcquisitionException failure =
        translator.translate(new MsalThrottlingException(5_000), target);

    assertEquals(
        Duration.ofSeconds(5),
        ((IdentityProviderUnavailableException) failure).retryAfter().orElseThrow());
  }

  @Test
  void givenACancelledFuture_whenTranslating_thenCancelled() {
    assertInstanceOf(
        AcquisitionCancelledException.class,
        translator.translate(new CancellationException(), target));
  }

  @Test
  void givenAnythingElse_whenTranslating_thenUnexpectedWithoutAnMsalCause() {
    TokenAcquisitionException npe =
        translator.translate(new CompletionException(new NullPointerException()), target);
    TokenAcquisitionException json =
        translator.translate(new MsalClientException("body " + secret, "invalid_json"), target);

    assertInstanceOf(UnexpectedIdentityProviderResponseException.class, npe);
    assertInstanceOf(UnexpectedIdentityProviderResponseException.class, json);
    assertOneLineAndLeakFree(json);
  }

  @Test
  void givenRetryAfterAsAnHttpDate_whenReading_thenTheWaitUntilThen() {
    assertEquals(
        Duration.ofSeconds(90),
        translator
            .retryAfter(Map.of("retry-after", List.of("Tue, 1 Jan 2030 00:01:30 GMT")))
            .orElseThrow());
    assertTrue(translator.retryAfter(Map.of("Retry-After", List.of("soon"))).isEmpty());
  }

  private void assertOneLineAndLeakFree(TokenAcquisitionException failure) {
    String message = failure.getMessage();
    assertFalse(message.contains("\n") || message.contains("\r"), message);
    assertFalse(message.contains("Trace ID"), "echoes Entra's description: " + message);
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(secret), "secret printed");
    assertFalse(String.valueOf(failure).contains(secret), "secret printed");
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertFalse(
          t.getClass().getName().startsWith("com.microsoft.aad.msal4j"),
          "an MSAL type escaped: " + t.getClass());
    }
  }
}
