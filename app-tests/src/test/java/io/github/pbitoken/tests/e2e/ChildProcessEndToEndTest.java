package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.persistentCache;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.JarProcess;
import io.github.pbitoken.tests.wiring.JarProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built, shaded jar as a user runs it: a real JVM, real process exit codes and streams. */
class ChildProcessEndToEndTest {
  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void theBuiltJarPrintsATokenWhenAsked() throws Exception {
    Path config = write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));

    Result result = runJar("--config", config.toString(), "--output", "token");

    assertEquals(0, result.exitCode(), result::toString);
    Jwt token = Jwt.parse(result.stdout().strip());
    assertEquals("https://analysis.windows.net/powerbi/api", token.claim("aud").orElseThrow());
    assertFalse(result.stderr().contains(result.stdout().strip()), "token leaked to stderr");
    assertEquals(1, emulator().requestCount());
  }

  @Test
  void theBuiltJarExitsWithTheDocumentedCodes() throws Exception {
    Path wrongSecret = write(dir, clientSecretConfig("not-the-secret"));

    Result rejected = runJar("--config", wrongSecret.toString(), "-o", "token");
    Result unconfigured = runJar();
    Result usage = runJar("--no-such-option");

    assertEquals(77, rejected.exitCode(), rejected::toString);
    assertEquals(1, rejected.stderr().lines().count(), rejected::toString);
    assertTrue(rejected.stderr().contains("AADSTS7000215"), rejected::toString);
    assertEquals(78, unconfigured.exitCode(), unconfigured::toString);
    assertEquals(64, usage.exitCode(), usage::toString);
    assertFalse(rejected.stderr().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void atTheMostVerboseLevelNoSecretOrTokenReachesStderr() throws Exception {
    Path config = write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));

    Result result = runJar("--config", config.toString(), "--output", "token", "--verbose");

    assertEquals(0, result.exitCode(), result::toString);
    String token = result.stdout().strip();
    assertTrue(result.stderr().contains("DEBUG"), "verbose mode logs diagnostics: " + result);
    assertFalse(
        result.stderr().contains(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET), "secret leaked");
    assertFalse(result.stderr().contains(token), "token leaked to stderr");
    assertFalse(
        result.stderr().contains(token.substring(0, token.lastIndexOf('.'))), "token body leaked");
    assertEquals(1, result.stdout().lines().count(), "stdout holds the token only");
  }

  @Test
  void aSecondProcessForTheSameAppGetsTheCachedTokenWithoutAnyRequest() throws Exception {
    Path cacheFile = dir.resolve("cache").resolve("msal-token-cache.json");
    Path config =
        write(
            dir,
            clientSecretConfig(
                SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, persistentCache(cacheFile)));

    Result first = runJar("--config", config.toString(), "--output", "token");
    int requestsAfterFirst = emulator().requestCount();
    Result second = runJar("--config", config.toString(), "--output", "token");

    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(1, requestsAfterFirst);
    assertEquals(1, emulator().requestCount(), "the second process asked Entra ID again");
    assertEquals(first.stdout(), second.stdout());
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile)));
    assertFalse(
        Files.readString(cacheFile).isEmpty() || second.stderr().contains("warning"),
        second::toString);
  }

  @Test
  void aSecondProcessForTheSameUserGetsTheCachedTokenWithoutAnyRequest() throws Exception {
    Path cacheFile = dir.resolve("user-cache.json");
    Path config = write(dir, userFlowConfig("device-code", persistentCache(cacheFile)));

    Result first = runJar("--config", config.toString(), "--output", "token");
    int requestsAfterFirst = emulator().requestCount();
    Result second = runJar("--config", config.toString(), "--no-prompt", "--output", "token");

    assertEquals(0, first.exitCode(), first::toString);
    assertTrue(first.stderr().contains("enter the code"), first::toString);
    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(2, requestsAfterFirst, "devicecode + token");
    assertEquals(2, emulator().requestCount(), "the second process asked Entra ID again");
    assertEquals(first.stdout(), second.stdout());
  }

  private int runs;

  private Result runJar(String... args) throws Exception {
    return JarProcess.run(dir, "run-" + ++runs, args);
  }
}
