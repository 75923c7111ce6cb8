package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.caFile;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.servicePrincipalConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.msal.FederatedTokenFileCredential;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.tests.entra.ClientAssertions;
import io.github.pbitoken.tests.entra.ClientCertificate;
import io.github.pbitoken.tests.entra.FederatedCredential;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload identity federation: a token from an external issuer (Kubernetes, GitHub Actions) in a
 * file the platform rotates, exchanged for a Power BI token; and an assertion given literally.
 */
class ClientAssertionEndToEndTest {
  private static final String ISSUER = "https://oidc.sandbox-cluster.example/";
  private static final String SUBJECT = "system:serviceaccount:reports:pbi-pusher";

  private static ClientCertificate issuerKey;
  private static ClientCertificate appCertificate;

  @TempDir Path dir;

  @BeforeAll
  static void makeKeys() {
    Instant now = Instant.now();
    issuerKey =
        ClientCertificate.generate(
            "sandbox cluster issuer", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    appCertificate =
        ClientCertificate.generate(
            "sandbox app", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
  }

  @BeforeEach
  void registerFederatedCredential() {
    emulator().reset();
    emulator()
        .directory()
        .registerFederatedCredential(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            new FederatedCredential(ISSUER, SUBJECT, issuerKey.certificate()));
    emulator()
        .directory()
        .registerCertificate(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            appCertificate.certificate());
  }

  @Test
  void theFederatedTokenFileFromTheAzureVariableGetsAPowerBiToken() throws Exception {
    String federated = federatedToken();
    Path file = Files.writeString(dir.resolve("token"), federated + "\n");

    ConsoleRun run =
        pbiToken(Map.of("AZURE_FEDERATED_TOKEN_FILE", file.toString()), "flow = client-assertion");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        SandboxDirectory.POWER_BI_RESOURCE,
        Jwt.parse(run.stdout().strip()).claim("aud").orElseThrow());
    assertEquals(federated, sentAssertion(0), "the file's token, as it is");
    assertEquals(1, emulator().requestCount());
  }

  @Test
  void theFileIsReadAgainForEveryRequestSoRotationWorks() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), federatedToken());
    TokenAcquirer acquirer = MsalAdapters.tokenAcquirer(settings(file));
    TokenRequest request =
        TokenRequest.of(
                new TenantId(SandboxDirectory.TENANT_ID), Set.of(Cloud.PUBLIC.defaultScope()))
            .withForceRefresh();

    AccessToken first = acquirer.acquire(request);
    String before = sentAssertion(0);
    String rotated = federatedToken();
    Files.writeString(file, rotated);
    AccessToken second = acquirer.acquire(request);

    assertEquals(2, emulator().requestCount());
    assertFalse(before.equals(rotated), "the platform wrote a new token");
    assertEquals(rotated, sentAssertion(1), "the second request sent the rotated token");
    assertFalse(first.value().reveal().equals(second.value().reveal()));
  }

  @Test
  void aLiteralAssertionIsSentAsItIsAndMaskedInConfig() {
    String assertion =
        ClientAssertions.sign(
            appCertificate,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            emulator().tokenEndpoint(SandboxDirectory.TENANT_ID).toString(),
            Instant.now());

    ConsoleRun run =
        pbiToken(Map.of("PBI_TOKEN_CLIENT_ASSERTION", assertion), "flow = client-assertion");
    ConsoleRun config =
        ConsoleRun.of(
            Main::run,
            Map.of("PBI_TOKEN_CLIENT_ASSERTION", assertion),
            "config",
            "--config",
            write(dir, servicePrincipalConfig("flow = client-assertion")).toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(assertion, sentAssertion(0));
    assertTrue(config.stdout().contains("pbi-token.client-assertion"), config::toString);
    assertFalse(config.stdout().contains(assertion), config::toString);
  }

  @Test
  void anAppSignedAssertionIsNotAcceptedTwice() {
    String assertion =
        ClientAssertions.sign(
            appCertificate,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            emulator().tokenEndpoint(SandboxDirectory.TENANT_ID).toString(),
            Instant.now());
    Map<String, String> env = Map.of("PBI_TOKEN_CLIENT_ASSERTION", assertion);

    ConsoleRun first = pbiToken(env, "flow = client-assertion");
    ConsoleRun replayed = pbiToken(env, "flow = client-assertion");

    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(77, replayed.exitCode(), replayed::toString);
    assertTrue(replayed.stderr().contains("AADSTS50013"), replayed::toString);
    assertFalse(replayed.stderr().contains(assertion), replayed::toString);
  }

  @Test
  void anExpiredFederatedTokenIsRejectedWith700024AndAHint() throws Exception {
    Instant now = Instant.now();
    Path file =
        Files.writeString(
            dir.resolve("token"),
            ClientAssertions.federatedToken(
                issuerKey,
                ISSUER,
                SUBJECT,
                now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1))));

    ConsoleRun run =
        pbiToken(Map.of("AZURE_FEDERATED_TOKEN_FILE", file.toString()), "flow = client-assertion");

    assertEquals(77, run.exitCode(), run::toString);
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains("AADSTS700024"), run::toString);
    assertTrue(run.stderr().contains("federated token file"), run::toString);
  }

  @Test
  void aTokenFromAnUnknownSubjectIsRejectedWith70021() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("token"),
            ClientAssertions.federatedToken(
                issuerKey, ISSUER, "system:serviceaccount:x:y", Instant.now()));

    ConsoleRun run =
        pbiToken(Map.of("AZURE_FEDERATED_TOKEN_FILE", file.toString()), "flow = client-assertion");

    assertEquals(77, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("AADSTS70021"), run::toString);
  }

  @Test
  void aTokenFileEmptiedByThePlatformIsACredentialProblemNotANetworkOne() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), federatedToken());
    TokenAcquirer acquirer = MsalAdapters.tokenAcquirer(settings(file));
    TokenRequest request =
        TokenRequest.of(
                new TenantId(SandboxDirectory.TENANT_ID), Set.of(Cloud.PUBLIC.defaultScope()))
            .withForceRefresh();
    acquirer.acquire(request);
    Files.writeString(file, "");

    CredentialsRejectedException rejected =
        assertThrows(CredentialsRejectedException.class, () -> acquirer.acquire(request));

    assertTrue(rejected.getMessage().contains(file + " is empty"), rejected::getMessage);
    assertTrue(rejected.details().hint().orElseThrow().contains("AZURE_FEDERATED_TOKEN_FILE"));
    assertEquals(1, emulator().requestCount(), "nothing sent, nothing retried");
  }

  @Test
  void aMissingTokenFileIsAConfigurationErrorBeforeAnyRequest() {
    Path missing = dir.resolve("no-token");

    ConsoleRun run =
        pbiToken(
            Map.of("AZURE_FEDERATED_TOKEN_FILE", missing.toString()), "flow = client-assertion");

    assertEquals(78, run.exitCode(), run::toString);
    assertTrue(
        run.stderr()
            .contains(
                "pbi-token.federated-token-file (environment variable"
                    + " AZURE_FEDERATED_TOKEN_FILE): federated token file "
                    + missing),
        run::toString);
    assertEquals(0, emulator().requestCount());
  }

  private ConsoleRun pbiToken(Map<String, String> env, String... extra) {
    Path config = write(dir, servicePrincipalConfig(extra));
    return ConsoleRun.of(Main::run, env, "--config", config.toString(), "-o", "token");
  }

  private static String federatedToken() {
    return ClientAssertions.federatedToken(issuerKey, ISSUER, SUBJECT, Instant.now());
  }

  private static String sentAssertion(int index) {
    return emulator().requests().get(index).formParam("client_assertion").orElseThrow();
  }

  private static MsalSettings settings(Path tokenFile) {
    return new MsalSettings(
        Cloud.PUBLIC,
        emulator().authorityHost(),
        new TenantId(SandboxDirectory.TENANT_ID),
        new ClientId(SandboxDirectory.CONFIDENTIAL_CLIENT_ID),
        new FederatedTokenFileCredential(tokenFile),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        1,
        caFile());
  }
}
