package io.github.pbitoken.tests.reliability;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.Fault;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network and the identity provider misbehaving, through the whole console app: each case ends
 * within the configured bounds with the documented exit code and one line on stderr.
 */
class FaultsEndToEndTest {
  /** Small bounds so that every timeout case ends in a few seconds. */
  private static final String[] SMALL_BOUNDS = {
    "http.connect-timeout = 500ms",
    "http.read-timeout = 1s",
    "http.acquire-timeout = 4s",
    "http.max-attempts = 2"
  };

  private static final Duration TEST_BOUND = Duration.ofSeconds(20);

  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void a429WithRetryAfterIsHonouredThenSucceeds() {
    emulator().queueTokenFaults(Fault.status(429, Duration.ofSeconds(1)));

    long start = System.nanoTime();
    ConsoleRun run = pbiToken();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(2, emulator().requestCount(), "one throttled request, one retry");
    assertTrue(elapsed.compareTo(Duration.ofMillis(950)) >= 0, "Retry-After ignored: " + elapsed);
    assertTrue(elapsed.compareTo(Duration.ofSeconds(4)) < 0, "waited too long: " + elapsed);
  }

  @Test
  void a503IsRetriedThenSucceeds() {
    emulator().queueTokenFaults(Fault.status(503));

    ConsoleRun run = pbiToken();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(2, emulator().requestCount());
    assertEquals(1, run.stdout().lines().count(), run::toString);
  }

  @Test
  void aNonRetryableRejectionIsAskedOnce() {
    emulator().queueTokenFaults(Fault.error(401, "invalid_client", 7000215));

    ConsoleRun run = pbiToken();

    assertEquals(77, run.exitCode(), run::toString);
    assertEquals(1, emulator().requestCount(), "a rejection is never retried");
    assertOneLine(run, "AADSTS7000215");
  }

  @Test
  void aServerThatAcceptsAndNeverAnswersTimesOutWithExit69() {
    emulator().queueTokenFaults(Fault.noResponse(), Fault.noResponse());

    ConsoleRun run = pbiToken();

    assertEquals(69, run.exitCode(), run::toString);
    assertOneLine(run, "localhost");
  }

  @Test
  void aDroppedConnectionIsRetriedThenReportedWithExit69() {
    // The JDK's HttpURLConnection silently repeats a POST once when the connection drops before
    // the response, so each of the 2 attempts may cost 2 requests: queue enough drops for all.
    emulator()
        .queueTokenFaults(
            Fault.dropConnection(),
            Fault.dropConnection(),
            Fault.dropConnection(),
            Fault.dropConnection());

    ConsoleRun run = pbiToken();

    assertEquals(69, run.exitCode(), run::toString);
    assertTrue(emulator().requestCount() <= 4, "http.max-attempts = 2, each at most twice");
    assertOneLine(run, "localhost");
  }

  @Test
  void aRefusedConnectionIsReportedWithExit69() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }

    ConsoleRun run = pbiTokenAt("127.0.0.1:" + port);

    assertEquals(69, run.exitCode(), run::toString);
    assertOneLine(run, "127.0.0.1");
  }

  @Test
  void aServerThatNeverAcceptsTimesOutWithExit69() throws IOException {
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      fillBacklog(full, fillers);

      ConsoleRun run = pbiTokenAt("127.0.0.1:" + full.getLocalPort());

      assertEquals(69, run.exitCode(), run::toString);
      assertOneLine(run, "127.0.0.1");
    } finally {
      for (Socket filler : fillers) {
        filler.close();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json|{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_tok",
        "text/html|<html><body><h1>Service maintenance</h1></body></html>",
        "application/json|[\"access_token\",\"ey\"]",
        "application/json|{\"token_type\":\"Bearer\",\"expires_in\":3600}",
        "application/json|{\"token_type\":\"Bearer\",\"expires_in\":0,\"access_token\":\"%JWT%\"}",
        "application/json|{\"token_type\":\"Bearer\",\"expires_in\":-60,\"access_token\":\"%JWT%\"}",
        "application/json|{\"token_type\":\"Bearer\",\"expires_in\":99999999999999,\"access_token\":\"%JWT%\"}",
      })
  void aMalformedResponseGivesOneClearLine(String response) {
    String[] parts = response.split("\\|", 2);
    emulator().queueTokenFaults(Fault.malformed(parts[0], parts[1].replace("%JWT%", jwt())));

    ConsoleRun run = pbiToken();

    assertEquals(69, run.exitCode(), run::toString);
    assertEquals("", run.stdout(), "no token printed");
    assertOneLine(run, "");
    assertFalse(run.stderr().contains("null"), run::toString);
  }

  /**
   * OAuth allows opaque access tokens: one is handed out as received (Power BI, not pbi-token,
   * judges the token; `pbi-token inspect` says it is not a JWT). Pinned so a change is deliberate.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"not-a-jwt\"}",
      })
  void anOpaqueTokenIsHandedOutAsReceived(String body) {
    String json = body.replace("%JWT%", jwt());
    emulator().queueTokenFaults(Fault.malformed("application/json", json));

    ConsoleRun run = pbiToken();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, run.stdout().lines().count(), run::toString);
    assertEquals(1, emulator().requestCount());
  }

  private static String jwt() {
    return "eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2FuYWx5c2lzLndpbmRvd3MubmV0L3Bvd2VyYmkvYXBpIn0.";
  }

  private static void fillBacklog(ServerSocket server, List<Socket> fillers) {
    for (int i = 0; i < 16; i++) {
      Socket filler = new Socket();
      fillers.add(filler);
      try {
        filler.connect(server.getLocalSocketAddress(), 200);
      } catch (IOException queueFull) {
        return;
      }
    }
  }

  private static void assertOneLine(ConsoleRun run, String fragment) {
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains(fragment), run::toString);
    assertFalse(run.stderr().contains("\tat "), run::toString);
  }

  private ConsoleRun pbiToken() {
    return run(clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, SMALL_BOUNDS));
  }

  private ConsoleRun pbiTokenAt(String authorityHost) {
    String[] extra = new String[SMALL_BOUNDS.length + 1];
    System.arraycopy(SMALL_BOUNDS, 0, extra, 0, SMALL_BOUNDS.length);
    extra[SMALL_BOUNDS.length] = "authority-host = \"" + authorityHost + "\"";
    return run(clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, extra));
  }

  private ConsoleRun run(String config) {
    Path file = write(dir, config);
    return assertTimeoutPreemptively(
        TEST_BOUND,
        () -> ConsoleRun.of(Main::run, Map.of(), "--config", file.toString(), "-o", "token"));
  }
}
