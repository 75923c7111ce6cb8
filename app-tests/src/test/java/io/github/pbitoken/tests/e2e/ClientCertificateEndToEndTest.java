package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.quoted;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.servicePrincipalConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.ClientCertificate;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service principal with a certificate: the real console app signs a client assertion with the
 * key, the emulator checks it against the registered certificate. Every file problem is reported
 * before any network call.
 */
class ClientCertificateEndToEndTest {
  private static final String PASSWORD = "cert-Passw0rd-canary-77a1";

  private static ClientCertificate registered;
  private static ClientCertificate other;

  @TempDir Path dir;

  @BeforeAll
  static void makeCertificates() {
    Instant now = Instant.now();
    registered =
        ClientCertificate.generate(
            "pbi-token sandbox app", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    other =
        ClientCertificate.generate(
            "someone else", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
  }

  @BeforeEach
  void registerCertificate() {
    emulator().reset();
    emulator()
        .directory()
        .registerCertificate(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            registered.certificate());
  }

  @Test
  void aPemCertificateGetsAnAppTokenInOneRequest() {
    Path pem = registered.writePem(dir.resolve("app.pem"));

    ConsoleRun run = pbiToken(Map.of(), "client-certificate = " + quoted(pem));

    assertEquals(0, run.exitCode(), run::toString);
    Jwt token = Jwt.parse(run.stdout().strip());
    Jwt assertion = sentAssertion();
    assertAll(
        () -> assertEquals(SandboxDirectory.POWER_BI_RESOURCE, token.claim("aud").orElseThrow()),
        () -> assertEquals("2", token.claim("appidacr").orElseThrow(), "certificate auth"),
        () -> assertEquals(1, emulator().requestCount()),
        () -> assertFalse(assertion.header().has("x5c"), "no chain unless asked"),
        () ->
            assertEquals(
                SandboxDirectory.CONFIDENTIAL_CLIENT_ID, assertion.claim("iss").orElseThrow()));
  }

  @Test
  void anEncryptedPemKeyOpensWithThePasswordFromTheAzureVariable() {
    Path pem = registered.writeEncryptedPem(dir.resolve("app.pem"), PASSWORD);

    ConsoleRun run =
        pbiToken(
            Map.of("AZURE_CLIENT_CERTIFICATE_PASSWORD", PASSWORD),
            "client-certificate = " + quoted(pem));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, emulator().requestCount());
  }

  @Test
  void aPkcs12FileWithItsPasswordFromTheAzureVariables() {
    Path pfx = registered.writePkcs12(dir.resolve("app.pfx"), PASSWORD);

    ConsoleRun run =
        pbiToken(
            Map.of(
                "AZURE_CLIENT_CERTIFICATE_PATH",
                pfx.toString(),
                "AZURE_CLIENT_CERTIFICATE_PASSWORD",
                PASSWORD));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("2", Jwt.parse(run.stdout().strip()).claim("appidacr").orElseThrow());
  }

  @Test
  void sendCertificateChainPutsTheCertificateInX5c() throws Exception {
    Path pem = registered.writePem(dir.resolve("app.pem"));

    ConsoleRun run =
        pbiToken(Map.of(), "client-certificate = " + quoted(pem), "send-certificate-chain = true");

    assertEquals(0, run.exitCode(), run::toString);
    String x5c = sentAssertion().header().get("x5c").get(0).asText();
    assertEquals(
        java.util.Base64.getEncoder().encodeToString(registered.certificate().getEncoded()), x5c);
  }

  @Test
  void aWrongPasswordIsOneLineNamingTheFileBeforeAnyRequest() {
    Path pem = registered.writeEncryptedPem(dir.resolve("app.pem"), PASSWORD);
    Path pfx = registered.writePkcs12(dir.resolve("app.pfx"), PASSWORD);

    for (Path file : new Path[] {pem, pfx}) {
      ConsoleRun run =
          pbiToken(
              Map.of(),
              "client-certificate = " + quoted(file),
              "client-certificate-password = \"wrong-password-canary\"");

      assertConfigProblem(run, file, "wrong certificate password");
      assertFalse(run.stderr().contains("wrong-password-canary"), run::toString);
    }
  }

  @Test
  void anEncryptedKeyWithoutAPasswordSaysToSetIt() {
    Path pem = registered.writeEncryptedPem(dir.resolve("app.pem"), PASSWORD);

    ConsoleRun run = pbiToken(Map.of(), "client-certificate = " + quoted(pem));

    assertConfigProblem(run, pem, "no password is configured");
  }

  @Test
  void aMissingFileIsOneLineNamingTheFile() {
    Path missing = dir.resolve("nowhere.pem");

    ConsoleRun run = pbiToken(Map.of(), "client-certificate = " + quoted(missing));

    assertConfigProblem(run, missing, "no readable file there");
  }

  @Test
  void anExpiredCertificateIsRefusedBeforeAnyRequest() {
    Instant now = Instant.now();
    ClientCertificate expired =
        ClientCertificate.generate(
            "expired", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));
    Path pem = expired.writePem(dir.resolve("expired.pem"));

    ConsoleRun run = pbiToken(Map.of(), "client-certificate = " + quoted(pem));

    assertConfigProblem(run, pem, "the certificate expired on");
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateIsRefusedBeforeAnyRequest() {
    Path mismatched =
        new ClientCertificate(other.keys(), registered.certificate())
            .writePem(dir.resolve("mismatched.pem"));

    ConsoleRun run = pbiToken(Map.of(), "client-certificate = " + quoted(mismatched));

    assertConfigProblem(run, mismatched, "the private key does not belong to the certificate");
  }

  @Test
  void aSecretAndACertificateTogetherAreAConfigurationError() {
    Path pem = registered.writePem(dir.resolve("app.pem"));

    ConsoleRun run =
        pbiToken(
            Map.of("AZURE_CLIENT_SECRET", SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET),
            "client-certificate = " + quoted(pem));

    assertEquals(78, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("client-secret and client-certificate"), run::toString);
    assertFalse(run.stderr().contains(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
    assertEquals(0, emulator().requestCount());
  }

  @Test
  void aCertificateTheAppDoesNotKnowIsRejectedWith700027() {
    Path pem = other.writePem(dir.resolve("other.pem"));

    ConsoleRun run = pbiToken(Map.of(), "client-certificate = " + quoted(pem));

    assertEquals(77, run.exitCode(), run::toString);
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains("AADSTS700027"), run::toString);
    assertEquals(1, emulator().requestCount(), "a rejected certificate is not retried");
  }

  @Test
  void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
    Path pem =
        java.nio.file.Files.writeString(
            dir.resolve("pkcs1.pem"),
            registered.certificatePem()
                + "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    ConsoleRun run = pbiToken(Map.of(), "client-certificate = " + quoted(pem));

    assertConfigProblem(run, pem, "openssl pkcs8 -topk8");
  }

  @Test
  void theCredentialNeverPrintsItsPrivateKey() {
    Path pem = registered.writePem(dir.resolve("app.pem"));
    String key = java.util.Base64.getEncoder().encodeToString(registered.privateKey().getEncoded());

    String printed =
        String.valueOf(
            io.github.pbitoken.msal.ClientCertificateCredential.fromFile(
                pem, null, false, Instant.now()));

    assertFalse(printed.contains(key.substring(0, 40)), printed);
    assertTrue(printed.contains("private key redacted"), printed);
  }

  private void assertConfigProblem(ConsoleRun run, Path file, String what) {
    assertEquals(78, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertTrue(
        run.stderr()
            .lines()
            .anyMatch(
                line ->
                    line.contains("pbi-token.client-certificate")
                        && line.contains("certificate file " + file)
                        && line.contains(what)),
        run::toString);
    assertFalse(run.stderr().contains(PASSWORD), run::toString);
    assertEquals(0, emulator().requestCount(), "nothing is sent");
  }

  private ConsoleRun pbiToken(Map<String, String> env, String... extra) {
    String[] lines = new String[extra.length + 1];
    lines[0] = "flow = client-certificate";
    System.arraycopy(extra, 0, lines, 1, extra.length);
    Path config = write(dir, servicePrincipalConfig(lines));
    return ConsoleRun.of(Main::run, env, "--config", config.toString(), "-o", "token");
  }

  private static Jwt sentAssertion() {
    return Jwt.parse(emulator().requests().get(0).formParam("client_assertion").orElseThrow());
  }
}
