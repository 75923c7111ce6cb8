package io.github.pbitoken.tests.wiring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pbitoken.console.Application;
import io.github.pbitoken.console.cli.ExitCode;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.testing.FakeTokenAcquirer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real console app, every production module but one: the token acquirer is a fake, swapped in
 * as a whole module. Nothing in production code knows.
 */
class AdapterSwapTest {
  private static final Map<String, String> ENV =
      Map.of(
          "PBI_TOKEN_TENANT_ID", "00000000-0000-0000-0000-0000000000a1",
          "PBI_TOKEN_CLIENT_ID", "00000000-0000-0000-0000-0000000000c1",
          "PBI_TOKEN_CLIENT_SECRET", "canary-secret-in-env-3b9a");

  private final FakeTokenAcquirer fake = new FakeTokenAcquirer(Clock.systemUTC());
  private final Application app = new Application(flow -> new FakeTokenAcquirerModule(fake));

  @Test
  void printsTheRawTokenOnlyWhenAskedTo() {
    ConsoleRun run = run("--output", "token");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().strip().startsWith("fake-access-token-"), run::toString);
    assertEquals(1, run.stdout().lines().count());
    assertEquals(1, fake.callCount());
  }

  @Test
  void printsNoTokenByDefault() {
    ConsoleRun run = run();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertTrue(run.stderr().contains("got a Power BI token"), run::toString);
    assertFalse(run.stderr().contains("fake-access-token-"), run::toString);
  }

  @Test
  void printsAzureCliCompatibleJson() throws Exception {
    ConsoleRun run = run("-o", "json");

    JsonNode json = new ObjectMapper().readTree(run.stdout());
    assertAll(
        () -> assertEquals(0, run.exitCode()),
        () -> assertTrue(json.get("accessToken").asText().startsWith("fake-access-token-")),
        () -> assertEquals("Bearer", json.get("tokenType").asText()),
        () ->
            assertTrue(
                json.get("expiresOn")
                    .asText()
                    .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}")),
        () ->
            assertTrue(json.get("expires_on").asLong() > System.currentTimeMillis() / 1000 + 3000),
        () -> assertEquals("00000000-0000-0000-0000-0000000000a1", json.get("tenant").asText()),
        () ->
            assertEquals(
                "https://analysis.windows.net/powerbi/api/.default",
                json.get("scopes").get(0).asText()),
        () -> assertTrue(json.get("account").isNull()),
        () -> assertEquals("identity_provider", json.get("source").asText()));
  }

  @Test
  void printsAnAuthorizationHeader() {
    ConsoleRun run = run("--output", "header");

    assertTrue(run.stdout().startsWith("Authorization: Bearer fake-access-token-"), run::toString);
  }

  @Test
  void printsShellExports() {
    ConsoleRun run = run("--output", "env");

    List<String> lines = run.stdout().lines().toList();
    assertTrue(
        lines.get(0).startsWith("export POWERBI_ACCESS_TOKEN='fake-access-token-"), run::toString);
    assertTrue(lines.get(1).matches("export POWERBI_ACCESS_TOKEN_EXPIRES_ON=\\d+"), run::toString);
  }

  @Test
  void rejectedCredentialsGiveOneLineAndExit77() {
    fake.thenFail(
        new CredentialsRejectedException(
            "the identity provider rejected the client secret (AADSTS7000215)",
            new FailureDetails(
                "invalid_client", List.of(7000215), "corr-42", "use the secret's Value")));

    ConsoleRun run = run("-o", "token");

    assertEquals(77, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertEquals(
        "pbi-token: the identity provider rejected the client secret (AADSTS7000215). Use the"
            + " secret's Value [correlation id corr-42]",
        run.stderrLine());
  }

  @Test
  void verboseAddsTheStackTrace() {
    fake.thenFail(new IdentityProviderUnavailableException("no answer", FailureDetails.NONE, null));

    ConsoleRun quiet = run("-o", "token");
    fake.thenFail(new IdentityProviderUnavailableException("no answer", FailureDetails.NONE, null));
    ConsoleRun verbose = run("-o", "token", "--verbose");

    assertEquals(69, quiet.exitCode());
    assertEquals(1, quiet.stderr().lines().count(), quiet::toString);
    assertTrue(verbose.stderr().contains("\tat "), verbose::toString);
  }

  @Test
  void aThrottledProviderIsATemporaryFailure() {
    fake.thenFail(
        new IdentityProviderUnavailableException(
            "throttled", FailureDetails.NONE, Duration.ofSeconds(30), null));

    assertEquals(75, run("-o", "token").exitCode());
  }

  @Test
  void usageErrorsGiveOneLineAndExit64() {
    ConsoleRun run = run("--outptu", "json");

    assertEquals(64, run.exitCode());
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains("--outptu"), run::toString);
    assertEquals(0, fake.callCount());
  }

  @Test
  void anUnknownOutputFormatIsAConfigurationError() {
    ConsoleRun run = run("--output", "yaml");

    assertEquals(78, run.exitCode());
    assertTrue(
        run.stderr()
            .contains(
                "pbi-token.output (option --output): output must be one of none, token, json, header, env"),
        run::toString);
  }

  @Test
  void helpListsTheExitCodes() {
    ConsoleRun run = run("--help");

    assertEquals(0, run.exitCode());
    for (ExitCode code : ExitCode.values()) {
      assertTrue(
          run.stdout().replaceAll("\\s+", " ").contains(code.code() + " " + code.meaning()),
          code + " in " + run.stdout());
    }
    assertTrue(run.stdout().contains("Exit codes:"), run::toString);
  }

  @Test
  void printsItsVersion() {
    ConsoleRun run = run("--version");

    assertEquals(0, run.exitCode());
    assertTrue(run.stdout().startsWith("pbi-token "), run::toString);
  }

  @Test
  void withNothingConfiguredItExplainsWhatToDoAndExits78() {
    ConsoleRun run = ConsoleRun.of(app::run, Map.of());

    assertEquals(78, run.exitCode());
    assertTrue(run.stderr().contains("nothing is configured yet"), run::toString);
    assertTrue(run.stderr().contains("sandbox"), run::toString);
    assertTrue(run.stderr().lines().count() <= 6, run::toString);
    assertEquals(0, fake.callCount());
  }

  @Test
  void theConfigCommandMasksSecretsAndNamesOrigins() {
    ConsoleRun run = run("config", "--cloud", "china");

    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(run.stdout().contains("canary-secret-in-env-3b9a"), run::toString);
    assertTrue(run.stdout().contains("pbi-token.client-secret"), run::toString);
    assertTrue(
        run.stdout().contains("****   # environment variable PBI_TOKEN_CLIENT_SECRET"),
        run::toString);
    assertTrue(run.stdout().contains("\"china\"   # option --cloud"), run::toString);
  }

  private ConsoleRun run(String... args) {
    return ConsoleRun.of(app::run, ENV, args);
  }
}
