package io.github.pbitoken.tests.entra;

import static io.github.pbitoken.tests.entra.EmulatorHttp.clientCredentialsForm;
import static io.github.pbitoken.tests.entra.EmulatorHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each scripted fault, played on the token endpoint of the shared emulator. */
class FaultTest {
  private static final String CORRELATION_ID = "00000000-0000-0000-0000-0000000000e1";
  private static EntraEmulator emulator;
  private EmulatorHttp http;

  @BeforeAll
  static void startEmulator() {
    emulator = EntraEmulator.shared();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
    http = new EmulatorHttp(emulator);
  }

  @Test
  void givenErrorFault_whenRequestingToken_thenEntraShapedErrorWithThatCode() throws Exception {
    emulator.queueTokenFaults(Fault.error(400, "invalid_grant", 50126));

    HttpResponse<String> response = postTokenWithCorrelationId();

    assertEquals(400, response.statusCode());
    JsonNode body = json(response);
    assertEquals("invalid_grant", body.path("error").asText());
    assertEquals(50126, body.path("error_codes").path(0).asInt());
    assertTrue(body.path("error_description").asText().startsWith("AADSTS50126: "));
    assertTrue(
        body.path("error_description").asText().contains("Correlation ID: " + CORRELATION_ID));
    assertEquals(CORRELATION_ID, body.path("correlation_id").asText());
    assertEquals(CORRELATION_ID, response.headers().firstValue("client-request-id").orElseThrow());
  }

  @Test
  void givenStatusFaultWithRetryAfter_whenRequestingToken_thenStatusAndRetryAfterSeconds()
      throws Exception {
    emulator.queueTokenFaults(Fault.status(429, Duration.ofSeconds(7)));

    HttpResponse<String> response = http.postToken(clientCredentialsForm());

    assertEquals(429, response.statusCode());
    assertEquals("7", response.headers().firstValue("Retry-After").orElseThrow());
    assertEquals("temporarily_unavailable", json(response).path("error").asText());
  }

  @Test
  void givenStatusFaultWithoutRetryAfter_whenRequestingToken_thenNoRetryAfterHeader()
      throws Exception {
    emulator.queueTokenFaults(Fault.status(503));

    HttpResponse<String> response = http.postToken(clientCredentialsForm());

    assertEquals(503, response.statusCode());
    assertTrue(response.headers().firstValue("Retry-After").isEmpty());
    assertEquals("server_error", json(response).path("error").asText());
  }

  @Test
  void givenDelayFault_whenRequestingToken_thenAnswersNormallyAfterTheDelay() throws Exception {
    Duration delay = Duration.ofMillis(300);
    emulator.queueTokenFaults(Fault.delay(delay));

    long start = System.nanoTime();
    HttpResponse<String> response = http.postToken(clientCredentialsForm());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(200, response.statusCode());
    assertTrue(elapsed.compareTo(delay) >= 0, "answered after " + elapsed);
    assertEquals(0, emulator.pendingTokenFaults());
  }

  @Test
  void givenMalformedFault_whenRequestingToken_thenBodyAndContentTypeExactlyAsScripted()
      throws Exception {
    emulator.queueTokenFaults(Fault.malformed("text/html", "<html>maintenance</html>"));

    HttpResponse<String> response = http.postToken(clientCredentialsForm());

    assertEquals(200, response.statusCode());
    assertEquals("text/html", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("<html>maintenance</html>", response.body());
  }

  @Test
  void givenDropConnectionFault_whenRequestingToken_thenConnectionClosedWithoutAnswer()
      throws Exception {
    emulator.queueTokenFaults(Fault.dropConnection());

    IOException failure =
        assertThrows(IOException.class, () -> http.postToken(clientCredentialsForm()));

    assertFalse(failure instanceof HttpTimeoutException, failure.toString());
    assertEquals(1, emulator.requestCount());
    assertEquals(200, http.postToken(clientCredentialsForm()).statusCode());
  }

  @Test
  void givenNoResponseFault_whenRequestingToken_thenClientTimesOut() throws Exception {
    emulator.queueTokenFaults(Fault.noResponse());

    IOException failure =
        assertThrows(
            IOException.class,
            () ->
                http.send(
                    http.tokenRequest(
                            SandboxDirectory.TENANT_ID,
                            clientCredentialsForm(),
                            Duration.ofMillis(500))
                        .build()));

    assertInstanceOf(HttpTimeoutException.class, failure);
    assertEquals(1, emulator.requestCount());
  }

  @Test
  void givenQueuedFaults_whenRequestingTokens_thenConsumedOneEachInOrderThenNormal()
      throws Exception {
    emulator.queueTokenFaults(Fault.status(500), Fault.error(400, "invalid_grant", 50126));

    List<Integer> statuses =
        List.of(
            http.postToken(clientCredentialsForm()).statusCode(),
            http.postToken(clientCredentialsForm()).statusCode(),
            http.postToken(clientCredentialsForm()).statusCode());

    assertEquals(List.of(500, 400, 200), statuses);
  }

  @Test
  void givenQueuedFault_whenCallingAnotherEndpoint_thenFaultStaysQueued() throws Exception {
    emulator.queueTokenFaults(Fault.status(500));

    HttpResponse<String> response =
        http.get("/" + SandboxDirectory.TENANT_ID + "/v2.0/.well-known/openid-configuration");

    assertEquals(200, response.statusCode());
    assertEquals(1, emulator.pendingTokenFaults());
  }

  @Test
  void givenEveryFaultVariant_whenListingPermittedSubclasses_thenEachHasAFactoryExercisedHere() {
    Set<Class<?>> exercised =
        Set.of(
            Fault.error(400, "invalid_grant", 50126).getClass(),
            Fault.status(500).getClass(),
            Fault.delay(Duration.ofMillis(1)).getClass(),
            Fault.malformed("text/plain", "").getClass(),
            Fault.dropConnection().getClass(),
            Fault.noResponse().getClass());

    Set<Class<?>> permitted =
        Arrays.stream(Fault.class.getPermittedSubclasses()).collect(Collectors.toSet());

    assertEquals(permitted, exercised);
  }

  @Test
  void givenInvalidFaultArguments_whenCreating_thenRejected() {
    assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
    assertThrows(IllegalArgumentException.class, () -> Fault.error(400, "invalid_grant", 0));
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Fault.status(429, Duration.ofSeconds(-1)));
  }

  private HttpResponse<String> postTokenWithCorrelationId() throws Exception {
    return http.send(
        http.tokenRequest(
                SandboxDirectory.TENANT_ID, clientCredentialsForm(), EmulatorHttp.REQUEST_TIMEOUT)
            .header("client-request-id", CORRELATION_ID)
            .build());
  }
}
