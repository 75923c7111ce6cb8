package io.github.pbitoken.tests.reliability;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.quoted;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose certificate must not be trusted, though it chains to a trusted CA: the handshake
 * fails, no request (so no client secret) reaches it, and the user gets one line and exit 69.
 */
class TlsFailureEndToEndTest {
  private static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dir;

  @Test
  void anExpiredCertificateIsRefusedBeforeAnythingIsSent() throws Exception {
    Instant now = Instant.now();
    try (TlsTestServer server =
        TlsTestServer.start("localhost", now.minus(DAY.multipliedBy(30)), now.minus(DAY))) {
      ConsoleRun run = pbiTokenAgainst(server, "localhost");

      assertRefused(run, server, "localhost");
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefusedBeforeAnythingIsSent() throws Exception {
    Instant now = Instant.now();
    try (TlsTestServer server =
        TlsTestServer.start("login.example.org", now.minus(DAY), now.plus(DAY))) {
      ConsoleRun run = pbiTokenAgainst(server, "localhost");

      assertRefused(run, server, "localhost");
    }
  }

  private ConsoleRun pbiTokenAgainst(TlsTestServer server, String host) throws Exception {
    Path ca = server.writeCaPem(dir.resolve("ca-" + server.port() + ".pem"));
    Path config =
        write(
            dir,
            clientSecretConfig(
                SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET,
                "authority-host = \"" + host + ":" + server.port() + "\"",
                "trust-store = " + quoted(ca),
                "http.max-attempts = 1",
                "http.acquire-timeout = 10s"));
    return assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> ConsoleRun.of(Main::run, Map.of(), "--config", config.toString(), "-o", "token"));
  }

  private static void assertRefused(ConsoleRun run, TlsTestServer server, String host) {
    assertEquals(69, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains(host), run::toString);
    assertTrue(run.stderr().toLowerCase().contains("certificate"), run::toString);
    assertFalse(run.stderr().contains(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
    assertEquals(0, server.requests(), "an HTTP request crossed an untrusted connection");
  }
}
