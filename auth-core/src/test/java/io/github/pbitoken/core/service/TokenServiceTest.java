package io.github.pbitoken.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import io.github.pbitoken.core.testing.FakeTokenAcquirer;
import io.github.pbitoken.core.testing.MutableClock;
import io.github.pbitoken.core.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  private final MutableClock clock = MutableClock.atFixedStart();
  private final FakeTokenAcquirer acquirer = new FakeTokenAcquirer(clock);
  private final TokenService service = new TokenService(acquirer, clock, TokenPolicy.DEFAULT);
  private final TokenRequest request = TestTokens.aRequest();

  @Test
  void firstCallGoesToTheIdentityProviderAndTheNextIsServedFromMemory()
      throws TokenAcquisitionException {
    AccessToken first = service.acquire(request);
    AccessToken second = service.acquire(request);

    assertEquals(1, acquirer.callCount());
    assertEquals(TokenSource.IDENTITY_PROVIDER, first.source());
    assertEquals(TokenSource.CACHE, second.source());
    assertEquals(first.value(), second.value());
  }

  @Test
  void refreshesOnceTheRefreshWindowOpens() throws TokenAcquisitionException {
    AccessToken first = service.acquire(request);

    clock.advance(Duration.ofMinutes(55).minusMillis(1));
    assertEquals(first.value(), service.acquire(request).value());
    assertEquals(1, acquirer.callCount());

    clock.advance(Duration.ofMillis(1));
    AccessToken refreshed = service.acquire(request);
    assertNotEquals(first.value(), refreshed.value());
    assertEquals(2, acquirer.callCount());
  }

  @Test
  void followsTheProvidersRefreshOn() throws TokenAcquisitionException {
    Instant now = clock.instant();
    AccessToken advised = withRefreshOn(TestTokens.aValidToken(now), now.plusSeconds(600));
    acquirer.thenIssue(advised);
    service.acquire(request);

    clock.advance(Duration.ofSeconds(599));
    service.acquire(request);
    assertEquals(1, acquirer.callCount());

    clock.advance(Duration.ofSeconds(1));
    service.acquire(request);
    assertEquals(2, acquirer.callCount());
  }

  @Test
  void shortLivedTokensAreNotRefreshedBeforeHalfTheirLife() throws TokenAcquisitionException {
    acquirer.issuingTokensValidFor(Duration.ofMinutes(4));
    service.acquire(request);

    clock.advance(Duration.ofMinutes(2).minusMillis(1));
    service.acquire(request);
    assertEquals(1, acquirer.callCount());

    clock.advance(Duration.ofMillis(1));
    service.acquire(request);
    assertEquals(2, acquirer.callCount());
  }

  @Test
  void servesTheOldTokenWhenARefreshFailsWhileItIsStillUsable() throws TokenAcquisitionException {
    AccessToken first = service.acquire(request);
    clock.advance(Duration.ofMinutes(56));
    acquirer.thenFail(unavailable());

    AccessToken served = service.acquire(request);

    assertEquals(first.value(), served.value());
    assertEquals(2, acquirer.callCount());
  }

  @Test
  void backsOffAfterAFailedRefresh() throws TokenAcquisitionException {
    service.acquire(request);
    clock.advance(Duration.ofMinutes(56));
    acquirer.thenFail(unavailable());
    service.acquire(request);

    clock.advance(TokenPolicy.DEFAULT.failureBackoff().minusMillis(1));
    service.acquire(request);
    assertEquals(2, acquirer.callCount(), "no new request during the back-off");

    clock.advance(Duration.ofMillis(1));
    service.acquire(request);
    assertEquals(3, acquirer.callCount(), "asks again once the back-off is over");
  }

  @Test
  void theErrorReachesCallersOnceTheOldTokenIsNoLongerUsable() throws TokenAcquisitionException {
    service.acquire(request);
    clock.advance(Duration.ofMinutes(59).plusSeconds(30));
    IdentityProviderUnavailableException down = unavailable();
    acquirer.thenFail(down);

    assertSame(down, assertThrows(TokenAcquisitionException.class, () -> service.acquire(request)));
  }

  @Test
  void repeatsAFailureDuringTheBackOffInsteadOfHammeringTheProvider() {
    IdentityProviderUnavailableException down = unavailable();
    acquirer.thenFail(down);
    assertThrows(TokenAcquisitionException.class, () -> service.acquire(request));

    assertSame(down, assertThrows(TokenAcquisitionException.class, () -> service.acquire(request)));
    assertEquals(1, acquirer.callCount());

    clock.advance(TokenPolicy.DEFAULT.failureBackoff());
    assertEquals(TokenSource.IDENTITY_PROVIDER, assertDoesNotFail(request).source());
    assertEquals(2, acquirer.callCount());
  }

  @Test
  void tokenExactlyAtTheUsableBoundaryIsNotServed() throws TokenAcquisitionException {
    service.acquire(request);
    clock.advance(Duration.ofHours(1).minus(TokenPolicy.DEFAULT.minRemainingLifetime()));
    acquirer.thenFail(unavailable());

    assertThrows(TokenAcquisitionException.class, () -> service.acquire(request));
  }

  @Test
  void forceRefreshAlwaysAsksTheProviderAndUpdatesTheCache() throws TokenAcquisitionException {
    service.acquire(request);

    AccessToken forced = service.acquire(request.withForceRefresh());
    AccessToken after = service.acquire(request);

    assertEquals(2, acquirer.callCount());
    assertEquals(TokenSource.IDENTITY_PROVIDER, forced.source());
    assertEquals(forced.value(), after.value());
  }

  @Test
  void aClaimsChallengeAlwaysGoesToTheProvider() throws TokenAcquisitionException {
    service.acquire(request);
    TokenRequest challenged = request.withClaimsChallenge("{\"access_token\":{}}");

    service.acquire(challenged);
    service.acquire(challenged);

    assertEquals(3, acquirer.callCount());
    assertEquals(challenged, acquirer.requests().get(2));
  }

  @Test
  void rejectsTokensThatExpireTooSoon() {
    acquirer.issuingTokensValidFor(TokenPolicy.DEFAULT.minRemainingLifetime());

    assertThrows(UnexpectedIdentityProviderResponseException.class, () -> service.acquire(request));
  }

  @Test
  void rejectsANullToken() {
    TokenService nullService = new TokenService(r -> null, clock, TokenPolicy.DEFAULT);

    assertThrows(
        UnexpectedIdentityProviderResponseException.class, () -> nullService.acquire(request));
  }

  @Test
  void givenAColdCache_whenManyThreadsAskAtOnce_thenOneAcquisitionServesThemAll() throws Exception {
    int callers = 200;
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    acquirer.holdCallsAt(inFlight, release);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> service.acquire(request)));
      }
      assertTrue(inFlight.await(10, TimeUnit.SECONDS), "one call reached the acquirer");
      awaitCallersJoinedAFlight(callers - 1);
      release.countDown();

      String issued = results.get(0).get(10, TimeUnit.SECONDS).value().reveal();
      for (Future<AccessToken> result : results) {
        assertEquals(issued, result.get(10, TimeUnit.SECONDS).value().reveal());
      }
      assertEquals(1, acquirer.callCount());
      assertEquals(1, service.stats().acquirerCalls());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenAFlightThatFails_whenManyThreadsWaitOnIt_thenEveryOneGetsThatFailure()
      throws Exception {
    int callers = 16;
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    acquirer.holdCallsAt(inFlight, release);
    IdentityProviderUnavailableException down = unavailable();
    acquirer.thenFail(down);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Throwable>> failures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        failures.add(pool.submit(() -> failureOf(request)));
      }
      assertTrue(inFlight.await(10, TimeUnit.SECONDS));
      awaitCallersJoinedAFlight(callers - 1);
      release.countDown();

      for (Future<Throwable> failure : failures) {
        assertSame(down, failure.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, acquirer.callCount());
      assertEquals(1, service.stats().acquirerFailures());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void duringARefreshOtherCallersGetTheCurrentTokenWithoutWaiting() throws Exception {
    AccessToken first = service.acquire(request);
    clock.advance(Duration.ofMinutes(56));
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    acquirer.holdCallsAt(inFlight, release);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<AccessToken> refresher = pool.submit(() -> service.acquire(request));
      assertTrue(inFlight.await(10, TimeUnit.SECONDS));

      AccessToken meanwhile = service.acquire(request);

      assertEquals(first.value(), meanwhile.value());
      release.countDown();
      assertNotEquals(first.value(), refresher.get(10, TimeUnit.SECONDS).value());
      assertEquals(2, acquirer.callCount());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits until {@code count} callers have committed to waiting on the running flight (the service
   * counts them before they block), so the test releases the flight only once they all depend on
   * it. Bounded: fails after 10 seconds.
   */
  private void awaitCallersJoinedAFlight(long count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (service.stats().callersJoinedAFlight() < count) {
      assertTrue(
          System.nanoTime() < deadline,
          "only " + service.stats().callersJoinedAFlight() + " of " + count + " joined");
      Thread.yield();
    }
  }

  private Throwable failureOf(TokenRequest r) {
    try {
      service.acquire(r);
      return null;
    } catch (TokenAcquisitionException e) {
      return e;
    }
  }

  private AccessToken assertDoesNotFail(TokenRequest r) {
    try {
      return service.acquire(r);
    } catch (TokenAcquisitionException e) {
      throw new AssertionError(e);
    }
  }

  private static IdentityProviderUnavailableException unavailable() {
    return new IdentityProviderUnavailableException(
        "the identity provider did not answer", FailureDetails.NONE, null);
  }

  private static AccessToken withRefreshOn(AccessToken token, Instant refreshOn) {
    return new AccessToken(
        token.value(),
        token.expiresOn(),
        refreshOn,
        token.scopes(),
        token.tenant(),
        null,
        token.source());
  }
}
