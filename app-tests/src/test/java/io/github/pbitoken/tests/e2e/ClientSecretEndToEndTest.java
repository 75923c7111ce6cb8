package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.Fault;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The walkthrough's step 2 for a service principal: the real console app, real MSAL adapter, real
 * HTTPS, against the local Entra ID emulator.
 */
class ClientSecretEndToEndTest {
  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void printsAPowerBiTokenAfterExactlyOneRequest() {
    ConsoleRun run = pbiToken("--output", "token");

    assertEquals(0, run.exitCode(), run::toString);
    Jwt token = Jwt.parse(run.stdout().strip());
    assertAll(
        () -> assertEquals("https://analysis.windows.net/powerbi/api", claim(token, "aud")),
        () -> assertEquals(SandboxDirectory.TENANT_ID, claim(token, "tid")),
        () -> assertEquals(SandboxDirectory.CONFIDENTIAL_CLIENT_ID, claim(token, "appid")),
        () -> assertTrue(token.isSignedBy(emulator().tokenSigningKey())),
        () -> assertEquals(1, emulator().requestCount(), "one HTTP request, no discovery"),
        () -> assertEquals("POST", emulator().requests().get(0).method()));
  }

  @Test
  void printsJsonWithTheSameToken() throws Exception {
    ConsoleRun run = pbiToken("--output", "json");

    JsonNode json = new ObjectMapper().readTree(run.stdout());
    assertEquals(0, run.exitCode(), run::toString);
    Jwt token = Jwt.parse(json.get("accessToken").asText());
    // MSAL dates expiry from its own clock on receipt (now + expires_in), so it may lag the
    // emulator's exp claim by the second boundary the response crossed.
    long lag = token.claims().get("exp").asLong() - json.get("expires_on").asLong();
    assertTrue(Math.abs(lag) <= 2, () -> "expires_on vs exp differ by " + lag + " s: " + run);
    assertEquals("identity_provider", json.get("source").asText());
  }

  @Test
  void printsAHeaderAndShellExports() {
    ConsoleRun header = pbiToken("--output", "header");
    ConsoleRun env = pbiToken("--output", "env");

    assertTrue(header.stdout().startsWith("Authorization: Bearer ey"), header::toString);
    assertTrue(env.stdout().startsWith("export POWERBI_ACCESS_TOKEN='ey"), env::toString);
  }

  @Test
  void aTokenThatCannotBeWrittenToStdoutIsAFailureNotASuccess() {
    Path config = write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
    PrintStream brokenPipe =
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
              }
            });
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        Main.run(
            new String[] {"--config", config.toString(), "-o", "token"},
            Map.of(),
            brokenPipe,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(74, exit, stderr);
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.startsWith("pbi-token: the result could not be written to stdout"), stderr);
  }

  @Test
  void withoutAnOutputFormatTheTokenStaysOffStdout() {
    ConsoleRun run = pbiToken();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertFalse(run.stderr().contains("ey"), run::toString);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tenant-id = \"00000000-0000-0000-0000-0000000000ff\" | AADSTS90002 | tenant id",
        "client-id = \"00000000-0000-0000-0000-0000000000ff\" | AADSTS700016 | client id",
      })
  void identityProviderRejectionsGiveOneLineAndExit77(
      String override, String code, String hintFragment) {
    ConsoleRun run =
        ConsoleRun.of(
            Main::run,
            Map.of(),
            "--config",
            write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, override))
                .toString(),
            "-o",
            "token");

    assertEquals(77, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains(code), run::toString);
    assertTrue(run.stderr().toLowerCase().contains(hintFragment.toLowerCase()), run::toString);
  }

  @Test
  void aWrongSecretGivesItsCodeAndFixWithoutEchoingTheSecret() {
    String wrong = "wrong-secret-canary-91f3";
    ConsoleRun run =
        ConsoleRun.of(
            Main::run,
            Map.of(),
            "--config",
            write(dir, clientSecretConfig(wrong)).toString(),
            "-o",
            "token",
            "--verbose");

    assertEquals(77, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("AADSTS7000215"), run::toString);
    assertTrue(run.stderr().contains("Value"), "the fix names the secret's Value: " + run);
    assertFalse(run.stderr().contains(wrong), "secret echoed: " + run);
    assertEquals(1, emulator().requestCount(), "a rejected secret is not retried");
  }

  @Test
  void anUnavailableProviderIsRetriedThenReportedWithExit69() {
    emulator().queueTokenFaults(Fault.status(503), Fault.status(503), Fault.status(503));

    ConsoleRun run = pbiToken("-o", "token");

    assertEquals(69, run.exitCode(), run::toString);
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertEquals(3, emulator().requestCount(), "max-attempts = 3 by default");
  }

  @Test
  void recoversWhenARetrySucceeds() {
    emulator().queueTokenFaults(Fault.status(503));

    ConsoleRun run = pbiToken("-o", "token");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(2, emulator().requestCount());
  }

  @Test
  void aMalformedConfigGivesItsLinesAndExit78() {
    Path config =
        write(
            dir,
            clientSecretConfig(
                SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, "cloud = mars", "scopes = []"));

    ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), "--config", config.toString());

    assertEquals(78, run.exitCode(), run::toString);
    assertTrue(
        run.stderr().contains("pbi-token.cloud (" + config + ":8): cloud must be one of"),
        run::toString);
    assertEquals(0, emulator().requestCount());
  }

  private ConsoleRun pbiToken(String... args) {
    Path config = write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return ConsoleRun.of(Main::run, Map.of(), all);
  }

  private static String claim(Jwt token, String name) {
    return token.claim(name).orElseThrow();
  }
}
