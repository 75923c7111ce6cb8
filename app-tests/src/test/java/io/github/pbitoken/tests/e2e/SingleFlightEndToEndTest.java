package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.caFile;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.core.service.TokenService;
import io.github.pbitoken.core.service.TokenServiceStats;
import io.github.pbitoken.msal.ClientSecretCredential;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single flight end to end: many threads on a cold cache, the real MSAL adapter, real HTTPS, and
 * the emulator counting what reaches it. (MSAL4J alone sends one request per racing caller.)
 */
class SingleFlightEndToEndTest {
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
  void givenAColdCache_whenManyThreadsAskAtOnceThroughMsal_thenExactlyOneTokenRequestIsSent()
      throws Exception {
    int callers = 100;
    TokenService tokens =
        new TokenService(
            MsalAdapters.tokenAcquirer(msalSettings), Clock.systemUTC(), TokenPolicy.DEFAULT);
    TokenRequest request = TokenRequest.of(tenant, Set.of(Cloud.PUBLIC.defaultScope()));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return tokens.acquire(request);
                }));
      }
      go.countDown();
      for (Future<AccessToken> result : results) {
        assertTrue(
            result
                .get(60, TimeUnit.SECONDS)
                .isUsableAt(Clock.systemUTC().instant(), Duration.ZERO));
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, emulator().requestCount());
    TokenServiceStats stats = tokens.stats();
    assertEquals(1, stats.acquirerCalls());
  }
}
