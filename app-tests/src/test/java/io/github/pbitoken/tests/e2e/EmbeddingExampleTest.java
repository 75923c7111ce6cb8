package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.caFile;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.core.service.TokenService;
import io.github.pbitoken.msal.ClientSecretCredential;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding it in a service" example, line for line, against the emulator: no Guice,
 * no HOCON, real MSAL, real HTTPS.
 */
class EmbeddingExampleTest {
  private final TenantId tenant = new TenantId(SandboxDirectory.TENANT_ID);
  private final MsalSettings msalSettings =
      new MsalSettings(
          Cloud.PUBLIC,
          emulator().authorityHost(),
          tenant,
          new ClientId(SandboxDirectory.CONFIDENTIAL_CLIENT_ID),
          new ClientSecretCredential(Secret.of(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET)),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          3,
          caFile());

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void givenTheReadmeExample_whenAskingTwice_thenOneRequestAndAPowerBiBearerToken()
      throws Exception {
    // --- README, "Embedding it in a service" ---
    TokenAcquirer entra = MsalAdapters.tokenAcquirer(msalSettings); // MSAL4J, service principal
    TokenService tokens = new TokenService(entra, Clock.systemUTC(), TokenPolicy.DEFAULT);
    TokenRequest request = TokenRequest.of(tenant, Set.of(Cloud.PUBLIC.defaultScope()));
    String bearer = tokens.acquire(request).value().reveal(); // from memory once cached
    long failedRefreshes = tokens.stats().refreshFailuresServedStale(); // for a health check
    // ---

    String again = tokens.acquire(request).value().reveal();

    assertEquals(bearer, again);
    assertEquals(0, failedRefreshes);
    assertEquals(1, emulator().requestCount());
    assertEquals(SandboxDirectory.POWER_BI_RESOURCE, Jwt.parse(bearer).claim("aud").orElseThrow());
  }

  @Test
  void givenTheReadme_whenReadingItsEmbeddingExample_thenEveryLineIsOneThisTestRuns()
      throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String thisTest =
        Files.readString(
            Path.of("src/test/java", getClass().getName().replace('.', '/') + ".java"));
    int start = readme.indexOf("```java", readme.indexOf("### Embedding it in a service"));
    int end = readme.indexOf("```", start + "```java".length());
    List<String> example =
        readme.substring(start + "```java".length(), end).lines().map(String::strip).toList();

    assertEquals(5, example.stream().filter(line -> !line.isEmpty()).count(), "five lines");
    for (String line : example) {
      assertTrue(thisTest.contains(line), "README line not run by this test: " + line);
    }
  }
}
