package io.github.pbitoken.tests.reliability;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.persistentCache;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.quoted;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.servicePrincipalConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pbitoken.tests.entra.AppRegistration;
import io.github.pbitoken.tests.entra.ClientCertificate;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.entra.SandboxUser;
import io.github.pbitoken.tests.wiring.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every flow at {@code --verbose} (DEBUG for pbi-token, MSAL and the HTTP client) in a real JVM,
 * with canary secrets: none of them, nor the access or refresh token, reaches stderr; the access
 * token is on stdout exactly once, and only when {@code --output} asks for it.
 */
class SecretsCanaryEndToEndTest {
  private static final String CANARY_APP = "00000000-0000-0000-0000-0000000000e6";
  private static final String CANARY_SECRET = "canary~Secret.Value.6f1e0d9c8b7a";
  private static final String CANARY_CERT_PASSWORD = "canary-cert-Passw0rd-4d2c";
  private static final String CANARY_USER = "canary.user@sandbox.onmicrosoft.com";
  private static final String CANARY_USER_PASSWORD = "canary-user-Passw0rd-8e3b";

  @TempDir Path dir;

  @BeforeEach
  void registerCanaries() {
    emulator().reset();
    emulator()
        .directory()
        .registerApp(
            AppRegistration.confidentialClient(
                SandboxDirectory.TENANT_ID, CANARY_APP, "canary app", CANARY_SECRET));
    emulator()
        .directory()
        .registerUser(
            new SandboxUser(
                SandboxDirectory.TENANT_ID,
                CANARY_USER,
                CANARY_USER_PASSWORD,
                "00000000-0000-0000-0000-0000000000e7",
                "Canary"));
  }

  @Test
  void clientSecret() throws Exception {
    Path config =
        write(
            dir,
            servicePrincipalConfig(
                "client-id = \"" + CANARY_APP + "\"", "client-secret = \"" + CANARY_SECRET + "\""));

    JarProcess.Result asked = verbose(config, "--output", "token");
    JarProcess.Result notAsked = verbose(config);

    assertClean(asked, List.of(CANARY_SECRET));
    assertEquals(0, notAsked.exitCode(), notAsked::toString);
    assertEquals("", notAsked.stdout(), "no --output, no token on stdout");
    assertFalse(notAsked.stderr().contains("eyJ"), "a JWT reached stderr: " + notAsked);
    assertFalse(notAsked.stderr().contains(CANARY_SECRET));
  }

  @Test
  void clientCertificateWithAnEncryptedKey() throws Exception {
    Instant now = Instant.now();
    ClientCertificate certificate =
        ClientCertificate.generate(
            "canary cert", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    emulator()
        .directory()
        .registerCertificate(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            certificate.certificate());
    Path pem = certificate.writeEncryptedPem(dir.resolve("app.pem"), CANARY_CERT_PASSWORD);
    Path config =
        write(
            dir,
            servicePrincipalConfig(
                "client-certificate = " + quoted(pem),
                "client-certificate-password = \"" + CANARY_CERT_PASSWORD + "\""));

    assertClean(verbose(config, "--output", "token"), List.of(CANARY_CERT_PASSWORD));
  }

  @Test
  void deviceCodeWithTheRefreshTokenItWasIssued() throws Exception {
    Path cache = dir.resolve("cache.json");
    Path config = write(dir, userFlowConfig("device-code", persistentCache(cache)));

    JarProcess.Result result = verbose(config, "--output", "token");

    List<String> refreshTokens = refreshTokens(cache);
    assertFalse(refreshTokens.isEmpty(), "the emulator issued no refresh token");
    assertClean(result, refreshTokens);
  }

  @Test
  void usernamePassword() throws Exception {
    Path config =
        write(
            dir,
            userFlowConfig(
                "username-password",
                "username = \"" + CANARY_USER + "\"",
                "password = \"" + CANARY_USER_PASSWORD + "\""));

    assertClean(verbose(config, "--output", "token"), List.of(CANARY_USER_PASSWORD));
  }

  private JarProcess.Result verbose(Path config, String... output) throws Exception {
    List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--verbose"));
    args.addAll(List.of(output));
    return JarProcess.run(dir, "run" + System.nanoTime(), args.toArray(String[]::new));
  }

  private static void assertClean(JarProcess.Result result, List<String> canaries) {
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.stderr().contains("DEBUG"), "not at the verbose level: " + result);
    String token = result.stdout().strip();
    assertEquals(1, result.stdout().lines().count(), "stdout holds the token, once: " + result);
    assertTrue(token.startsWith("eyJ"), result::toString);
    String signature = token.substring(token.lastIndexOf('.') + 1);
    String body = token.substring(0, token.lastIndexOf('.'));
    for (String leak : List.of(token, body, signature)) {
      assertFalse(result.stderr().contains(leak), "the access token reached stderr");
    }
    for (String canary : canaries) {
      assertFalse(result.stderr().contains(canary), "a secret reached stderr: " + canary);
    }
  }

  /** The refresh tokens MSAL keeps in its cache file (its {@code RefreshToken} section). */
  private static List<String> refreshTokens(Path cache) throws Exception {
    JsonNode section = new ObjectMapper().readTree(Files.readString(cache)).path("RefreshToken");
    List<String> secrets = new ArrayList<>();
    section.forEach(entry -> secrets.add(entry.path("secret").asText()));
    return secrets;
  }
}
