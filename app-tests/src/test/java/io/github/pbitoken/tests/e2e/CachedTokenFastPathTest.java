package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.persistentCache;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import io.github.pbitoken.tests.wiring.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose token is in the persistent cache is answered from the cache file before picocli,
 * Guice, MSAL, TLS or Logback start (docs/adr/0007), and answers exactly as the full path would.
 * {@code --verbose} always takes the full path, so the two can be compared run against run.
 */
class CachedTokenFastPathTest {
  @TempDir Path dir;
  private Path cacheFile;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
    cacheFile = dir.resolve("cache.json");
  }

  @AfterEach
  void restoreTokenLifetime() {
    emulator().reset();
  }

  @Test
  void aCachedRunStartsNeitherPicocliNorGuiceNorMsalNorLogging() throws Exception {
    Path config = appConfig();
    JarProcess.Result first = JarProcess.run(dir, "first", "--config", config.toString());
    Path classLog = dir.resolve("classes.log");

    JarProcess.Result cached =
        JarProcess.start(
                dir,
                "cached",
                List.of("-Xlog:class+load=info:file=" + classLog),
                "--config",
                config.toString(),
                "-o",
                "token")
            .await(Duration.ofSeconds(60));

    String loaded = Files.readString(classLog);
    assertAll(
        () -> assertEquals(0, first.exitCode(), first::toString),
        () -> assertEquals(0, cached.exitCode(), cached::toString),
        () -> assertTrue(cached.stdout().startsWith("ey"), cached::toString),
        () -> assertEquals("", cached.stderr()),
        () -> assertEquals(1, emulator().requestCount(), "only the first run asked Entra ID"),
        () -> assertTrue(loaded.contains("io.github.pbitoken.msal.PersistedTokenLookup ")),
        () -> assertFalse(loaded.contains("picocli.CommandLine$Model"), "picocli parsed"),
        () -> assertFalse(loaded.contains("com.google.inject.internal."), "Guice started"),
        () -> assertFalse(loaded.contains("ch.qos.logback."), "Logback started"),
        () -> assertFalse(loaded.contains("com.microsoft.aad.msal4j.TokenCache "), "MSAL built"),
        () -> assertFalse(loaded.contains("javax.net.ssl.SSLContext "), "TLS prepared"));
  }

  @Test
  void forAnAppTheFastPathPrintsWhatTheFullPathPrints() {
    Path config = appConfig();
    ConsoleRun first = run("--config", config.toString(), "-o", "json");

    ConsoleRun fast = run("--config", config.toString(), "-o", "json");
    ConsoleRun full = run("--config", config.toString(), "-o", "json", "--verbose");

    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(full.stdout(), fast.stdout(), "fast path and MSAL's cache disagree");
    assertTrue(fast.stdout().contains("\"source\" : \"cache\""), fast::toString);
    assertEquals(1, emulator().requestCount());
  }

  @Test
  void forASignedInUserTheFastPathPrintsWhatTheFullPathPrints() {
    Path config = write(dir, userFlowConfig("device-code", persistentCache(cacheFile)));
    ConsoleRun signIn = run("--config", config.toString(), "-o", "json");
    int requests = emulator().requestCount();

    ConsoleRun fast = run("--config", config.toString(), "--no-prompt", "-o", "json");
    ConsoleRun full = run("--config", config.toString(), "--no-prompt", "-o", "json", "-v");

    assertEquals(0, signIn.exitCode(), signIn::toString);
    assertEquals(full.stdout(), fast.stdout(), "fast path and MSAL's cache disagree");
    assertTrue(fast.stdout().contains(SandboxDirectory.USER_NAME), fast::toString);
    assertEquals(requests, emulator().requestCount(), "no request after the sign-in");
  }

  @Test
  void aSignInWithTheTenantsDomainIsReusedByBothPaths() {
    Path config =
        write(
            dir,
            userFlowConfig(
                "device-code",
                persistentCache(cacheFile)[0],
                persistentCache(cacheFile)[1],
                "tenant-id = \"" + SandboxDirectory.TENANT_DOMAIN + "\""));
    ConsoleRun signIn = run("--config", config.toString(), "-o", "json");
    int requests = emulator().requestCount();

    ConsoleRun fast = run("--config", config.toString(), "--no-prompt", "-o", "json");
    ConsoleRun full = run("--config", config.toString(), "--no-prompt", "-o", "json", "-v");

    assertEquals(0, signIn.exitCode(), signIn::toString);
    assertEquals(0, fast.exitCode(), fast::toString);
    assertEquals(0, full.exitCode(), full::toString);
    assertEquals(full.stdout(), fast.stdout());
    assertEquals(requests, emulator().requestCount(), "no request after the sign-in");
  }

  @Test
  void aTokenInsideMsalsExpiryBufferIsRefreshedNotServed() {
    emulator().setTokenLifetime(Duration.ofMinutes(4));
    Path config = appConfig();
    ConsoleRun first = run("--config", config.toString(), "-o", "token");

    ConsoleRun second = run("--config", config.toString(), "-o", "token");

    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(2, emulator().requestCount(), "a 4-minute token must be replaced, not served");
    assertFalse(first.stdout().equals(second.stdout()), "the old token was served");
  }

  @Test
  void aCacheFileOthersMayReadIsLeftToTheFullPathWhichRepairsItAndSaysSo() throws Exception {
    Path config = appConfig();
    run("--config", config.toString());
    Files.setPosixFilePermissions(cacheFile, PosixFilePermissions.fromString("rw-r--r--"));

    JarProcess.Result second = JarProcess.run(dir, "second", "--config", config.toString());

    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.stderr().contains("made it owner-only"), second::toString);
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile)));
    assertEquals(1, emulator().requestCount(), "MSAL's cache answered the second run");
  }

  private Path appConfig() {
    return write(
        dir,
        clientSecretConfig(
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, persistentCache(cacheFile)));
  }

  private static ConsoleRun run(String... args) {
    return ConsoleRun.of(Main::run, Map.of(), args);
  }
}
