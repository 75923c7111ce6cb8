package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pbitoken.console.Application;
import io.github.pbitoken.console.Main;
import io.github.pbitoken.console.wiring.FlowModules;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pbi-token inspect}: decode, check against the walkthrough's needs, refuse garbage. */
class InspectEndToEndTest {
  private static final String PUBLIC_AUDIENCE = "https://analysis.windows.net/powerbi/api";

  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void inspectsAFreshlyAcquiredTokenAndPassesForAServicePrincipal() {
    Path config = write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));

    ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), "inspect", "--config", config.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("signature is NOT verified"), run::toString);
    assertTrue(run.stdout().contains("PASS audience"), run::toString);
    assertTrue(run.stdout().contains("app-only token"), run::toString);
    assertTrue(run.stdout().contains("PASS expiry"), run::toString);
    assertTrue(run.stdout().contains(SandboxDirectory.CONFIDENTIAL_CLIENT_ID), run::toString);
    assertFalse(run.stdout().contains("eyJ"), "the token itself is not printed: " + run);
    assertEquals(1, emulator().requestCount());
  }

  @Test
  void aDelegatedTokenWithoutDatasetReadWriteAllFails() {
    String token = jwt(PUBLIC_AUDIENCE, "Workspace.Read.All", Instant.now().plusSeconds(3600));

    ConsoleRun run = inspect(token);

    assertEquals(65, run.exitCode(), run::toString);
    assertTrue(
        run.stdout().contains("FAIL permission  Dataset.ReadWrite.All missing"), run::toString);
    assertTrue(run.stdout().contains("alice@contoso.com"), run::toString);
  }

  @Test
  void aTokenOfAnotherCloudFailsWithTheHintToSetCloud() {
    String token =
        jwt(
            "https://analysis.usgovcloudapi.net/powerbi/api",
            "Dataset.ReadWrite.All",
            Instant.now().plusSeconds(3600));

    ConsoleRun run = inspect(token);

    assertEquals(65, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("Power BI in the usgov cloud: set cloud"), run::toString);
  }

  @Test
  void anExpiredTokenFails() {
    String token = jwt(PUBLIC_AUDIENCE, "Dataset.ReadWrite.All", Instant.now().minusSeconds(600));

    ConsoleRun run = inspect(token);

    assertEquals(65, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("FAIL expiry"), run::toString);
  }

  @Test
  void readsTheTokenFromStdinAndPrintsJson() throws Exception {
    String token = jwt(PUBLIC_AUDIENCE, "Dataset.ReadWrite.All", Instant.now().plusSeconds(3600));
    Application app =
        new Application(
            FlowModules.production(),
            new ByteArrayInputStream(("Bearer " + token + "\n").getBytes(StandardCharsets.UTF_8)));

    ConsoleRun run = ConsoleRun.of(app::run, Map.of(), "inspect", "-", "--json");

    assertEquals(0, run.exitCode(), run::toString);
    JsonNode json = new ObjectMapper().readTree(run.stdout());
    assertFalse(json.get("signatureVerified").asBoolean());
    assertEquals("public", json.get("cloud").asText());
    assertEquals(3, json.get("checks").size());
    assertTrue(json.get("checks").findValues("passed").stream().allMatch(JsonNode::asBoolean));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-jwt", "a.b", "!!!.@@@.###", "e30.bm90IGpzb24.sig", "W10.W10.x"})
  void garbageGivesOneLineAndExit65(String garbage) {
    ConsoleRun run = inspect(garbage);

    assertEquals(65, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().startsWith("pbi-token: "), run::toString);
  }

  @Test
  void hugeOrBinaryInputIsRefusedWithoutReadingItAll() {
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 0xff);
    Application app = new Application(FlowModules.production(), new ByteArrayInputStream(huge));

    ConsoleRun run = ConsoleRun.of(app::run, Map.of(), "inspect", "-");

    assertEquals(65, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("a JWT is at most"), run::toString);
  }

  private static ConsoleRun inspect(String token) {
    return ConsoleRun.of(Main::run, Map.of(), "inspect", token);
  }

  /** An unsigned token with just the claims inspect looks at. */
  private static String jwt(String audience, String scp, Instant expires) {
    String header = "{\"typ\":\"JWT\",\"alg\":\"none\"}";
    String claims =
        "{\"aud\":\""
            + audience
            + "\",\"iss\":\"https://sts.windows.net/00000000-0000-0000-0000-000000000001/\","
            + "\"tid\":\"00000000-0000-0000-0000-000000000001\",\"upn\":\"alice@contoso.com\","
            + "\"scp\":\""
            + scp
            + "\",\"iat\":"
            + (expires.getEpochSecond() - 3600)
            + ",\"exp\":"
            + expires.getEpochSecond()
            + "}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }
}
