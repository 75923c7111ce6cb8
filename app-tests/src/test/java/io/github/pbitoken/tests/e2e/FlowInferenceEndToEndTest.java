package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.servicePrincipalConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code flow}, the credential that is configured chooses it (as azure-identity's
 * EnvironmentCredential does), and {@code pbi-token config} says which flow and why.
 */
class FlowInferenceEndToEndTest {
  private static final String PASSWORD = "inference-pfx-password-canary";
  private static final String ISSUER = "https://token.actions.sandbox.example";
  private static final String SUBJECT = "repo:contoso/reports:ref:refs/heads/main";

  private static ClientCertificate certificate;

  @TempDir Path dir;

  @BeforeAll
  static void makeCertificate() {
    Instant now = Instant.now();
    certificate =
        ClientCertificate.generate(
            "inference app", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
  }

  @BeforeEach
  void register() {
    emulator().reset();
    emulator()
        .directory()
        .registerCertificate(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            certificate.certificate());
    emulator()
        .directory()
        .registerFederatedCredential(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            new FederatedCredential(ISSUER, SUBJECT, certificate.certificate()));
  }

  @Test
  void aCertificateInTheAzureVariablesChoosesClientCertificate() {
    Path pfx = certificate.writePkcs12(dir.resolve("app.pfx"), PASSWORD);
    Map<String, String> env =
        Map.of(
            "AZURE_CLIENT_CERTIFICATE_PATH",
            pfx.toString(),
            "AZURE_CLIENT_CERTIFICATE_PASSWORD",
            PASSWORD);

    ConsoleRun token = token(env);
    ConsoleRun config = config(env);

    assertEquals(0, token.exitCode(), token::toString);
    assertEquals("2", Jwt.parse(token.stdout().strip()).claim("appidacr").orElseThrow());
    assertTrue(
        config
            .stdout()
            .lines()
            .anyMatch(
                line ->
                    line.matches(
                        "pbi-token\\.flow +="
                            + " client-certificate +# inferred: client-certificate is set"
                            + " \\(environment variable AZURE_CLIENT_CERTIFICATE_PATH\\)")),
        config::toString);
    assertTrue(
        config
            .stdout()
            .lines()
            .anyMatch(
                line -> line.matches("pbi-token\\.client-certificate-password += \\*\\*\\*\\* .*")),
        config::toString);
    assertFalse(config.stdout().contains(PASSWORD), config::toString);
  }

  @Test
  void aFederatedTokenFileChoosesClientAssertion() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("token"),
            ClientAssertions.federatedToken(certificate, ISSUER, SUBJECT, Instant.now()));
    Map<String, String> env = Map.of("AZURE_FEDERATED_TOKEN_FILE", file.toString());

    ConsoleRun token = token(env);
    ConsoleRun config = config(env);

    assertEquals(0, token.exitCode(), token::toString);
    assertTrue(
        config.stdout().contains("client-assertion")
            && config
                .stdout()
                .contains(
                    "# inferred: federated-token-file is set (environment variable"
                        + " AZURE_FEDERATED_TOKEN_FILE)"),
        config::toString);
  }

  @Test
  void aSecretChoosesClientSecret() {
    Map<String, String> env =
        Map.of("AZURE_CLIENT_SECRET", SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);

    ConsoleRun token = token(env);
    ConsoleRun config = config(env);

    assertEquals(0, token.exitCode(), token::toString);
    assertEquals("1", Jwt.parse(token.stdout().strip()).claim("appidacr").orElseThrow());
    assertTrue(
        config
            .stdout()
            .contains(
                "# inferred: client-secret is set (environment variable AZURE_CLIENT_SECRET)"),
        config::toString);
  }

  @Test
  void anExplicitFlowIsShownWithWhereItWasSet() {
    Path config = write(dir, servicePrincipalConfig("flow = client-certificate"));

    ConsoleRun shown = ConsoleRun.of(Main::run, Map.of(), "config", "--config", config.toString());

    assertTrue(
        shown
            .stdout()
            .lines()
            .anyMatch(
                line ->
                    line.startsWith("pbi-token.flow ")
                        && line.endsWith("= \"client-certificate\"   # set: " + config + ":7")),
        shown::toString);
  }

  @Test
  void withNoCredentialTheDefaultIsClientSecretAndItsSecretIsAskedFor() {
    ConsoleRun config = config(Map.of());
    ConsoleRun token = token(Map.of());

    assertTrue(
        config
            .stdout()
            .contains("# inferred: no credential is configured, client-secret is the default"),
        config::toString);
    assertEquals(78, token.exitCode(), token::toString);
    assertTrue(
        token.stderr().contains("pbi-token.client-secret (not set): required"), token::toString);
    assertEquals(0, emulator().requestCount());
  }

  private ConsoleRun token(Map<String, String> env) {
    Path config = write(dir, servicePrincipalConfig());
    return ConsoleRun.of(Main::run, env, "--config", config.toString(), "-o", "token");
  }

  private ConsoleRun config(Map<String, String> env) {
    Path config = write(dir, servicePrincipalConfig());
    return ConsoleRun.of(Main::run, env, "config", "--config", config.toString());
  }
}
