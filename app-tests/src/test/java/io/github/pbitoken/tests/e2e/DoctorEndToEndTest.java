package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.persistentCache;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.quoted;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.servicePrincipalConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Application;
import io.github.pbitoken.console.Main;
import io.github.pbitoken.console.wiring.FlowModules;
import io.github.pbitoken.tests.entra.ClientCertificate;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pbi-token doctor}: one PASS/WARN/FAIL line per check, against the local emulator. */
class DoctorEndToEndTest {
  private static final String SECRET = SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET;

  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void everyCheckPassesForAWorkingSetupWithoutSigningIn() {
    Path cache = dir.resolve("cache.json");
    Path config = write(dir, clientSecretConfig(SECRET, persistentCache(cache)));

    ConsoleRun run = doctor(Main::run, "--config", config.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("PASS configuration"), run::toString);
    assertTrue(run.stdout().contains("PASS identity provider"), run::toString);
    assertTrue(run.stdout().contains("knows tenant " + SandboxDirectory.TENANT_ID), run::toString);
    assertTrue(run.stdout().contains("PASS proxy"), run::toString);
    assertTrue(run.stdout().contains("PASS trust store"), run::toString);
    assertTrue(run.stdout().contains("PASS clock"), run::toString);
    assertTrue(run.stdout().contains("PASS token cache"), run::toString);
    assertTrue(run.stdout().contains("client secret set (not shown)"), run::toString);
    assertTrue(run.stdout().contains("doctor: all checks passed"), run::toString);
    assertFalse(run.stdout().contains(SECRET) || run.stderr().contains(SECRET), run::toString);
    assertEquals(1, emulator().requestCount(), "only the OpenID configuration, no sign-in");
  }

  @Test
  void aTrustStoreWithoutCertificatesFailsTheTrustCheckAsConfiguration() throws Exception {
    Path notPem = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
    Path config = write(dir, clientSecretConfig(SECRET, "trust-store = " + quoted(notPem)));

    ConsoleRun run = doctor(Main::run, "--config", config.toString());

    assertEquals(78, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("FAIL trust store"), run::toString);
    assertTrue(run.stdout().contains("must hold PEM-encoded X.509 certificates"), run::toString);
    assertTrue(run.stdout().contains("WARN identity provider"), run::toString);
    assertFalse(run.stdout().contains("check the network"), run::toString);
    assertEquals(0, emulator().requestCount());
  }

  @Test
  void anUntrustedCertificateIsNamedAsATrustProblemNotANetworkOne() {
    Path config = write(dir, clientSecretConfig(SECRET, "trust-store = \"\""));

    ConsoleRun run = doctor(Main::run, "--config", config.toString());

    assertEquals(69, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("FAIL identity provider"), run::toString);
    assertTrue(run.stdout().contains("certificate is not trusted"), run::toString);
    assertTrue(run.stdout().contains("add the CA"), run::toString);
    assertFalse(run.stdout().contains("check the network"), run::toString);
  }

  @Test
  void aTenantUnknownInThisCloudFailsWithConfigurationExitCode() {
    Path config = write(dir, clientSecretConfig(SECRET));

    ConsoleRun run =
        doctor(
            Main::run,
            "--config",
            config.toString(),
            "--tenant",
            "00000000-0000-0000-0000-00000000dead");

    assertEquals(78, run.exitCode(), run::toString);
    assertTrue(
        run.stdout()
            .contains(
                "FAIL identity provider  tenant 00000000-0000-0000-0000-00000000dead"
                    + " not found in this cloud"),
        run::toString);
    assertTrue(run.stdout().contains("fix: check tenant-id"), run::toString);
  }

  @Test
  void anUnreachableAuthorityHostFailsWithExit69Quickly() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path config = write(dir, clientSecretConfig(SECRET, "http.connect-timeout = 2s"));

    long started = System.nanoTime();
    ConsoleRun run =
        doctor(
            Main::run,
            "--config",
            config.toString(),
            "--authority-host",
            "127.0.0.1:" + closedPort);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(69, run.exitCode(), run::toString);
    assertTrue(
        run.stdout().contains("FAIL identity provider  127.0.0.1:" + closedPort), run::toString);
    assertTrue(run.stdout().contains("WARN clock"), run::toString);
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
  }

  @Test
  void aLocalClockTenMinutesAheadOfTheServerIsAWarning() {
    Path config = write(dir, clientSecretConfig(SECRET));
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
    Application application =
        new Application(FlowModules.production(), InputStream.nullInputStream(), ahead);

    ConsoleRun run = doctor(application::run, "--config", config.toString());

    assertEquals(0, run.exitCode(), "a warning does not fail: " + run);
    assertTrue(run.stdout().contains("WARN clock"), run::toString);
    assertTrue(run.stdout().contains("ahead of " + emulator().authorityHost()), run::toString);
    assertTrue(run.stdout().contains("fix: synchronise the clock"), run::toString);
  }

  @Test
  void anInvalidConfigurationFailsEveryProblemWithExit78() {
    Path config =
        write(dir, "pbi-token {\n  tenant-id = \"" + SandboxDirectory.TENANT_ID + "\"\n}\n");

    ConsoleRun run = doctor(Main::run, "--config", config.toString());

    assertEquals(78, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("FAIL configuration"), run::toString);
    assertTrue(run.stdout().contains("client-id"), run::toString);
    assertEquals(0, emulator().requestCount(), "nothing is asked with a broken configuration");
  }

  @Test
  void aCacheFileReadableByOthersIsAWarningWithTheChmod() throws IOException {
    Path cache = dir.resolve("cache.json");
    Files.writeString(cache, "{}");
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rw-r--r--"));
    Path config = write(dir, clientSecretConfig(SECRET, persistentCache(cache)));

    ConsoleRun run = doctor(Main::run, "--config", config.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("WARN token cache"), run::toString);
    assertTrue(run.stdout().contains("rw-r--r--"), run::toString);
    assertTrue(run.stdout().contains("fix: chmod 600 " + cache), run::toString);
  }

  @Test
  void aCertificateExpiringWithinThirtyDaysIsAWarningAndItsKeyIsNeverShown() {
    Instant now = Instant.now();
    ClientCertificate soon =
        ClientCertificate.generate(
            "expiring app", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
    Path pem = soon.writePem(dir.resolve("app.pem"));
    Path config = write(dir, servicePrincipalConfig("client-certificate = " + quoted(pem)));

    ConsoleRun run = doctor(Main::run, "--config", config.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("WARN credential"), run::toString);
    assertTrue(run.stdout().contains("CN=expiring app expires on"), run::toString);
    assertTrue(run.stdout().contains("fix: renew it"), run::toString);
    assertFalse(run.stdout().contains("PRIVATE KEY"), run::toString);
  }

  @Test
  void anEmptyFederatedTokenFileFailsWithExit77() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("federated-token"), "");
    Path config =
        write(
            dir,
            servicePrincipalConfig(
                "flow = client-assertion", "federated-token-file = " + quoted(tokenFile)));

    ConsoleRun run = doctor(Main::run, "--config", config.toString());

    assertEquals(77, run.exitCode(), run::toString);
    assertTrue(
        run.stdout().contains("FAIL credential         federated token file " + tokenFile),
        run::toString);
    assertTrue(run.stdout().contains("fix: check AZURE_FEDERATED_TOKEN_FILE"), run::toString);
  }

  private static ConsoleRun doctor(ConsoleRun.Entry entry, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "doctor";
    System.arraycopy(args, 0, all, 1, args.length);
    return ConsoleRun.of(entry, Map.of(), all);
  }
}
