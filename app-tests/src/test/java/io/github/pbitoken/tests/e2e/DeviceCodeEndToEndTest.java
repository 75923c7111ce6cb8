package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.persistentCache;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.DeviceCodeOutcome;
import io.github.pbitoken.tests.entra.Fault;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device-code flow through the console app, the real MSAL public client and the emulator, which
 * plays the person approving (or declining, or ignoring) the code.
 */
class DeviceCodeEndToEndTest {
  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void showsTheCodeOnStderrThenPrintsAUserTokenForTheNamedScope() {
    ConsoleRun run = pbiToken(List.of("scopes = [Dataset.ReadWrite.All]"), "-o", "token");

    assertEquals(0, run.exitCode(), run::toString);
    Jwt token = Jwt.parse(run.stdout().strip());
    assertAll(
        () -> assertEquals(SandboxDirectory.USER_NAME, token.claim("upn").orElseThrow()),
        () -> assertTrue(token.claim("scp").orElseThrow().contains("Dataset.ReadWrite.All")),
        () -> assertEquals(SandboxDirectory.PUBLIC_CLIENT_ID, token.claim("appid").orElseThrow()),
        () ->
            assertTrue(run.stderr().contains("/devicelogin and enter the code SBX"), run::toString),
        () -> assertFalse(run.stderr().contains(run.stdout().strip()), "token on stderr"),
        () -> assertEquals(2, emulator().requestCount(), "devicecode + one token poll"));
    assertTrue(
        emulator()
            .requests()
            .get(1)
            .formParam("scope")
            .orElseThrow()
            .contains("https://analysis.windows.net/powerbi/api/Dataset.ReadWrite.All"));
  }

  @Test
  void keepsPollingWhileTheSignInIsPending() {
    emulator().scriptDeviceCode(DeviceCodeOutcome.APPROVED, 1);

    ConsoleRun run = pbiToken(List.of(), "-o", "token");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(3, emulator().requestCount(), "devicecode, pending, approved");
  }

  @Test
  void aDeclinedSignInEndsInItsOwnOneLineError() {
    emulator().scriptDeviceCode(DeviceCodeOutcome.DECLINED, 0);

    ConsoleRun run = pbiToken(List.of(), "-o", "token");

    assertEquals(75, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertTrue(lastLine(run).contains("the sign-in was declined"), run::toString);
    assertFalse(run.stderr().contains("\tat "), run::toString);
  }

  @Test
  void anExpiredCodeEndsInItsOwnOneLineError() {
    emulator().scriptDeviceCode(DeviceCodeOutcome.EXPIRED, 0);

    ConsoleRun run = pbiToken(List.of(), "-o", "token");

    assertEquals(75, run.exitCode(), run::toString);
    assertTrue(lastLine(run).contains("the device code expired"), run::toString);
  }

  @Test
  void aSecondRunUsesTheCacheFileWithoutAnyRequest() {
    List<String> cache = List.of(persistentCache(dir.resolve("cache.json")));

    ConsoleRun first = pbiToken(cache, "-o", "token");
    int afterFirst = emulator().requestCount();
    ConsoleRun second = pbiToken(cache, "-o", "token");

    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(first.stdout(), second.stdout());
    assertEquals(afterFirst, emulator().requestCount());
    assertFalse(second.stderr().contains("enter the code"), second::toString);
  }

  @Test
  void aTokenNearExpiryIsRefreshedWithOneRequest() {
    List<String> cache = List.of(persistentCache(dir.resolve("cache.json")));
    emulator().setTokenLifetime(Duration.ofSeconds(200));
    pbiToken(cache, "-o", "token");
    int afterFirst = emulator().requestCount();

    ConsoleRun second = pbiToken(cache, "--no-prompt", "-o", "token");

    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(afterFirst + 1, emulator().requestCount());
    assertEquals(
        "refresh_token",
        emulator().requests().get(afterFirst).formParam("grant_type").orElseThrow());
  }

  @Test
  void aRefreshThatMeetsAnOutageIsRetriedLikeAServicePrincipalsRequest() {
    List<String> cache = List.of(persistentCache(dir.resolve("cache.json")));
    emulator().setTokenLifetime(Duration.ofSeconds(200));
    pbiToken(cache, "-o", "token");
    int afterFirst = emulator().requestCount();
    emulator().queueTokenFaults(Fault.status(503));

    ConsoleRun second = pbiToken(cache, "--no-prompt", "-o", "token");

    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(afterFirst + 2, emulator().requestCount(), "the 503, then the retry");
    assertEquals(
        "refresh_token",
        emulator().requests().get(afterFirst + 1).formParam("grant_type").orElseThrow());
  }

  @Test
  void aRevokedSignInWithNoPromptSaysSignInAgainAndExits77() {
    List<String> cache = List.of(persistentCache(dir.resolve("cache.json")));
    emulator().setTokenLifetime(Duration.ofSeconds(200));
    pbiToken(cache, "-o", "token");
    emulator().revokeRefreshTokens(50173);

    ConsoleRun second = pbiToken(cache, "--no-prompt", "-o", "token");

    assertEquals(77, second.exitCode(), second::toString);
    assertEquals(1, second.stderr().strip().lines().count(), second::toString);
    assertTrue(second.stderr().contains("AADSTS50173"), second::toString);
    assertTrue(second.stderr().contains("sign in again"), second::toString);
  }

  @Test
  void withNoPromptAndNobodySignedInItFailsAt77WithoutAnyRequest() {
    ConsoleRun run = pbiToken(List.of(), "--no-prompt", "-o", "token");

    assertEquals(77, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("no signed-in user"), run::toString);
    assertEquals(0, emulator().requestCount());
  }

  @Test
  void withoutAClientIdItUsesTheWellKnownPublicClientAndSaysSo() {
    String config =
        userFlowConfig("device-code")
            .replace("client-id = \"" + SandboxDirectory.PUBLIC_CLIENT_ID + "\"", "");

    ConsoleRun run =
        ConsoleRun.of(
            Main::run, Map.of(), "--config", write(dir, config).toString(), "-o", "token");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("Azure CLI's public client"), run::toString);
    assertEquals(
        SandboxDirectory.AZURE_CLI_CLIENT_ID,
        Jwt.parse(run.stdout().strip()).claim("appid").orElseThrow());
  }

  private ConsoleRun pbiToken(List<String> extra, String... args) {
    Path config = write(dir, userFlowConfig("device-code", extra.toArray(String[]::new)));
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return ConsoleRun.of(Main::run, Map.of(), all.toArray(String[]::new));
  }

  private static String lastLine(ConsoleRun run) {
    List<String> lines = run.stderr().strip().lines().toList();
    return lines.get(lines.size() - 1);
  }
}
