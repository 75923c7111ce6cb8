package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.ClientCertificate;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom trust is added to the JDK's, never a switch that turns verification off: a PKCS#12 trust
 * store holding the emulator's CA works; without it, or with another CA, the TLS handshake fails
 * with a clear line and nothing reaches the emulator.
 */
class CustomTrustEndToEndTest {
  private static final String STORE_PASSWORD = "trust-store-password-canary";

  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void aPkcs12TrustStoreWithTheEmulatorsCaIsTrusted() throws Exception {
    Path store = trustStore(emulator().caCertificate());

    ConsoleRun run =
        pbiToken(
            "trust-store = " + quoted(store), "trust-store-password = \"" + STORE_PASSWORD + "\"");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, emulator().requestCount());
  }

  @Test
  void withOnlyTheJdksTrustTheEmulatorIsUntrustedAndNothingIsSent() {
    ConsoleRun run = pbiToken();

    assertUntrusted(run);
  }

  @Test
  void aTrustStoreWithAnotherCaDoesNotTrustTheEmulator() throws Exception {
    Instant now = Instant.now();
    X509Certificate otherCa =
        ClientCertificate.generate("another CA", now, now.plus(Duration.ofDays(1))).certificate();
    Path store = trustStore(otherCa);

    ConsoleRun run =
        pbiToken(
            "trust-store = " + quoted(store), "trust-store-password = \"" + STORE_PASSWORD + "\"");

    assertUntrusted(run);
  }

  @Test
  void aWrongTrustStorePasswordNamesTheFileAndSendsNothing() throws Exception {
    Path store = trustStore(emulator().caCertificate());

    ConsoleRun run =
        pbiToken("trust-store = " + quoted(store), "trust-store-password = \"wrong-canary\"");

    assertTrue(run.exitCode() != 0, run::toString);
    assertTrue(run.stderr().contains("trust store " + store), run::toString);
    assertTrue(run.stderr().contains("password"), run::toString);
    assertFalse(run.stderr().contains("wrong-canary"), run::toString);
    assertEquals(0, emulator().requestCount());
  }

  private static void assertUntrusted(ConsoleRun run) {
    assertEquals(69, run.exitCode(), run::toString);
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains("TLS handshake failed"), run::toString);
    assertTrue(run.stderr().contains("trust-store"), run::toString);
    assertEquals(0, emulator().requestCount(), "nothing reached the emulator");
  }

  private Path trustStore(X509Certificate ca) throws Exception {
    Path file = dir.resolve("trust.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASSWORD.toCharArray());
    }
    return file;
  }

  /** The sandbox service principal with the given trust lines (none: the JDK's trust only). */
  private ConsoleRun pbiToken(String... trustLines) {
    StringBuilder config =
        new StringBuilder("pbi-token {\n")
            .append("  authority-host = \"")
            .append(emulator().authorityHost())
            .append("\"\n  tenant-id = \"")
            .append(SandboxDirectory.TENANT_ID)
            .append("\"\n  client-id = \"")
            .append(SandboxDirectory.CONFIDENTIAL_CLIENT_ID)
            .append("\"\n  http.max-attempts = 1\n  token-cache.enabled = false\n");
    for (String line : trustLines) {
      config.append("  ").append(line).append('\n');
    }
    config.append("}\n");
    Path file = EmulatorFixture.write(dir, config.toString());
    return ConsoleRun.of(
        Main::run,
        Map.of("AZURE_CLIENT_SECRET", SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET),
        "--config",
        file.toString(),
        "-o",
        "token");
  }
}
