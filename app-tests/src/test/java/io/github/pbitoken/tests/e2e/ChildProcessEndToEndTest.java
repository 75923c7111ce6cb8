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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Files.readString(cacheFile).isEmpty() || second.stderr().contains("WARN"),
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

  private record Result(int exitCode, String stdout, String stderr) {}

  private Result runJar(String... args) throws IOException, InterruptedException {
    Path jar =
        Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first (mvn verify builds it): " + jar);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("PBI_TOKEN_") || name.startsWith("AZURE_"));
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pbi-token did not finish in 60 s");
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
