package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.caFile;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.quoted;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.ManagedIdentities;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Managed identity on an App Service-like host: the built jar as a child process (MSAL reads
 * IDENTITY_ENDPOINT and IDENTITY_HEADER from the real process environment, and caches
 * managed-identity tokens JVM-wide), the emulator as the host's identity endpoint.
 */
class ManagedIdentityEndToEndTest {
  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void theSystemAssignedIdentityGetsAPowerBiToken() throws Exception {
    Result result = runJar(Map.of(), "flow = managed-identity");

    assertEquals(0, result.exitCode(), result::toString);
    Jwt token = Jwt.parse(result.stdout().strip());
    assertEquals(SandboxDirectory.POWER_BI_RESOURCE, token.claim("aud").orElseThrow());
    assertEquals(ManagedIdentities.SYSTEM_ASSIGNED.objectId(), token.claim("oid").orElseThrow());
    assertEquals(1, emulator().requestCount());
    assertEquals(
        SandboxDirectory.POWER_BI_RESOURCE,
        queryParam(emulator().requests().get(0).query(), "resource"));
  }

  @ParameterizedTest
  @CsvSource({
    "managed-identity-client-id, client_id",
    "managed-identity-resource-id, mi_res_id",
    "managed-identity-object-id, ",
  })
  void aUserAssignedIdentityIsNamedByAnyOfItsIds(String key, String queryName) throws Exception {
    ManagedIdentities.Identity user = ManagedIdentities.USER_ASSIGNED;
    String id =
        switch (key) {
          case "managed-identity-client-id" -> user.clientId();
          case "managed-identity-resource-id" -> user.resourceId();
          default -> user.objectId();
        };

    Result result = runJar(Map.of(), key + " = \"" + id + "\"");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(user.objectId(), Jwt.parse(result.stdout().strip()).claim("oid").orElseThrow());
    if (queryName != null) {
      assertEquals(id, queryParam(emulator().requests().get(0).query(), queryName));
    }
  }

  @Test
  void aCloudsResourceIsAskedForInThatCloud() throws Exception {
    Result result = runJar(Map.of(), "flow = managed-identity", "cloud = usgov");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        "https://analysis.usgovcloudapi.net/powerbi/api",
        Jwt.parse(result.stdout().strip()).claim("aud").orElseThrow());
  }

  @Test
  void aWrongIdentityHeaderFailsWithOneLine() throws Exception {
    Result result = runJar(Map.of("IDENTITY_HEADER", "not-the-header"), "flow = managed-identity");

    assertEquals(77, result.exitCode(), result::toString);
    assertEquals(1, result.stderr().lines().count(), result::toString);
    assertTrue(
        result.stderr().contains("the managed identity endpoint refused the request"),
        result::toString);
    assertTrue(result.stderr().contains("IDENTITY_HEADER"), result::toString);
    assertFalse(result.stderr().contains("00000000-0000-0000-0000-000000000000"), result::toString);
    assertFalse(result.stderr().contains("\tat "), result::toString);
  }

  @Test
  void theTokenIsReportedForTheTenantThatIssuedIt() throws Exception {
    output = "json";

    Result result = runJar(Map.of(), "flow = managed-identity");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(
        result.stdout().contains("\"tenant\" : \"" + SandboxDirectory.TENANT_ID + "\""),
        result::toString);
  }

  private static String queryParam(String query, String name) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private String output = "token";

  private Result runJar(Map<String, String> envOverrides, String... configLines)
      throws IOException, InterruptedException {
    StringBuilder config = new StringBuilder("pbi-token {\n");
    config.append("  trust-store = ").append(quoted(caFile())).append('\n');
    for (String line : configLines) {
      config.append("  ").append(line).append('\n');
    }
    Path file = write(dir, config.append("}\n").toString());
    Path jar =
        Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first (mvn verify builds it): " + jar);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of("--config", file.toString(), "-o", output));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            name ->
                name.startsWith("PBI_TOKEN_")
                    || name.startsWith("AZURE_")
                    || name.startsWith("IDENTITY_")
                    || name.startsWith("MSI_")
                    || name.startsWith("IDENTITY_SERVER"));
    env.put("IDENTITY_ENDPOINT", ManagedIdentities.endpoint(emulator().baseUri()).toString());
    env.put("IDENTITY_HEADER", ManagedIdentities.IDENTITY_HEADER);
    env.putAll(envOverrides);
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pbi-token did not finish in 60 s");
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
