package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deprecated username-password flow: works for the sandbox user, warns, explains failures. */
class UsernamePasswordEndToEndTest {
  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void signsInWithTheRealmLookupAndWarnsThatTheFlowIsDeprecated() {
    ConsoleRun run = pbiToken(SandboxDirectory.USER_PASSWORD);

    assertEquals(0, run.exitCode(), () -> run + "\n" + emulator().requests());
    assertEquals(
        SandboxDirectory.USER_NAME, Jwt.parse(run.stdout().strip()).claim("upn").orElseThrow());
    assertTrue(run.stderr().contains("username-password is deprecated"), run::toString);
    assertEquals(2, emulator().requestCount(), "userrealm + token");
    assertEquals("GET", emulator().requests().get(0).method());
    assertFalse(run.stderr().contains(SandboxDirectory.USER_PASSWORD), "password leaked");
  }

  @Test
  void aWrongPasswordSaysSoWithTheFix() {
    ConsoleRun run = pbiToken("canary-wrong-password");

    assertEquals(77, run.exitCode(), run::toString);
    assertTrue(lastLine(run).contains("username or password"), run::toString);
    assertTrue(lastLine(run).contains("prefer device code"), run::toString);
    assertFalse(run.stderr().contains("canary-wrong-password"), run::toString);
  }

  @Test
  void anMfaRequirementPointsToTheOtherFlows() {
    emulator().failPasswordGrants(50076);

    ConsoleRun run = pbiToken(SandboxDirectory.USER_PASSWORD);

    assertEquals(77, run.exitCode(), run::toString);
    assertTrue(lastLine(run).contains("multi-factor authentication"), run::toString);
    assertFalse(run.stderr().contains("\tat "), run::toString);
  }

  private ConsoleRun pbiToken(String password) {
    Path config =
        write(
            dir,
            userFlowConfig(
                "username-password",
                "username = \"" + SandboxDirectory.USER_NAME + "\"",
                "password = \"" + password + "\""));
    return ConsoleRun.of(Main::run, Map.of(), "--config", config.toString(), "-o", "token");
  }

  private static String lastLine(ConsoleRun run) {
    return run.stderr().strip().lines().reduce((a, b) -> b).orElse("");
  }
}
