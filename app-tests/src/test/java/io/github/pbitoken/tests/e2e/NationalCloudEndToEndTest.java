package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each national cloud asks for its own Power BI resource, and the token's audience is that
 * resource. The emulator stands in for each cloud's authority host ({@code authority-host}
 * override, as {@code AZURE_AUTHORITY_HOST} does).
 */
class NationalCloudEndToEndTest {
  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @ParameterizedTest
  @CsvSource({
    "public,    https://analysis.windows.net/powerbi/api",
    "usgov,     https://analysis.usgovcloudapi.net/powerbi/api",
    "usgovhigh, https://high.analysis.usgovcloudapi.net/powerbi/api",
    "usgovdod,  https://mil.analysis.usgovcloudapi.net/powerbi/api",
    "china,     https://analysis.chinacloudapi.cn/powerbi/api",
  })
  void theTokenAudienceIsTheCloudsPowerBiResource(String cloud, String resource) {
    ConsoleRun run = pbiToken(Map.of("PBI_TOKEN_CLOUD", cloud));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(resource, Jwt.parse(run.stdout().strip()).claim("aud").orElseThrow());
    assertTrue(
        Set.of(emulator().requests().get(0).formParam("scope").orElseThrow().split(" "))
            .contains(resource + "/.default"),
        "asked for the cloud's Power BI scope");
  }

  @Test
  void aTenantOfAnotherCloudGetsTheHintToSetCloud() {
    ConsoleRun run = pbiToken(Map.of("AZURE_TENANT_ID", SandboxDirectory.OTHER_CLOUD_TENANT_ID));

    assertEquals(77, run.exitCode(), run::toString);
    assertEquals(1, run.stderr().lines().count(), run::toString);
    assertTrue(run.stderr().contains("AADSTS90038"), run::toString);
    assertTrue(run.stderr().contains("Set cloud to the tenant's cloud"), run::toString);
    assertEquals(1, emulator().requestCount(), "not retried");
  }

  private ConsoleRun pbiToken(Map<String, String> env) {
    String config = clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);
    if (env.containsKey("AZURE_TENANT_ID")) {
      config = config.replace(SandboxDirectory.TENANT_ID, env.get("AZURE_TENANT_ID"));
    }
    return ConsoleRun.of(Main::run, env, "--config", write(dir, config).toString(), "-o", "token");
  }
}
