package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.persistentCache;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pbi-token accounts} and {@code logout} on the persistent cache after a real sign-in. */
class AccountsEndToEndTest {
  @TempDir Path dir;

  private Path config;

  @BeforeEach
  void signInAlice() {
    emulator().reset();
    config = write(dir, userFlowConfig("device-code", persistentCache(dir.resolve("cache.json"))));
    assertEquals(0, run("-o", "none").exitCode());
  }

  @Test
  void accountsListsTheSignedInUserWithoutAnyRequest() {
    int before = emulator().requestCount();

    ConsoleRun accounts = run("accounts");

    assertEquals(0, accounts.exitCode(), accounts::toString);
    assertEquals(
        SandboxDirectory.USER_NAME + "\ttenant " + SandboxDirectory.TENANT_ID + "\tcloud public",
        accounts.stdout().strip());
    assertEquals(before, emulator().requestCount());
  }

  @Test
  void logoutForgetsTheUserSoTheNextRunMustSignInAgain() {
    ConsoleRun logout = run("logout", SandboxDirectory.USER_NAME.toUpperCase());
    ConsoleRun accounts = run("accounts");
    ConsoleRun noPrompt = run("--no-prompt", "-o", "token");

    assertEquals(0, logout.exitCode(), logout::toString);
    assertTrue(
        logout.stderr().contains("signed out " + SandboxDirectory.USER_NAME), logout::toString);
    assertEquals("", accounts.stdout());
    assertTrue(accounts.stderr().contains("nobody is signed in"), accounts::toString);
    assertEquals(77, noPrompt.exitCode(), noPrompt::toString);
  }

  @Test
  void logoutAllForgetsEveryone() {
    ConsoleRun logout = run("logout", "--all");

    assertEquals(0, logout.exitCode(), logout::toString);
    assertEquals("", run("accounts").stdout());
  }

  @Test
  void logoutNeedsAUserOrAll() {
    ConsoleRun neither = run("logout");
    ConsoleRun stranger = run("logout", "eve@sandbox.onmicrosoft.com");

    assertEquals(64, neither.exitCode(), neither::toString);
    assertEquals(1, neither.stderr().strip().lines().count(), neither::toString);
    assertEquals(0, stranger.exitCode(), stranger::toString);
    assertTrue(stranger.stderr().contains("is not signed in"), stranger::toString);
  }

  private ConsoleRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return ConsoleRun.of(Main::run, Map.of(), all);
  }
}
