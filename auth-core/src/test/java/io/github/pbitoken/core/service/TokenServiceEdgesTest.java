package io.github.pbitoken.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.port.out.TokenEvents;
import io.github.pbitoken.core.testing.FakeTokenAcquirer;
import io.github.pbitoken.core.testing.MutableClock;
import io.github.pbitoken.core.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Boundaries, reporting and keys of {@link TokenService}; concurrency is in TokenServiceTest. */
class TokenServiceEdgesTest {
  private static final TokenPolicy NO_MARGINS =
      new TokenPolicy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10));

  private final MutableClock clock = MutableClock.atFixedStart();
  private final FakeTokenAcquirer acquirer = new FakeTokenAcquirer(clock);
  private final List<String> reported = new ArrayList<>();
  private final TokenEvents recordingEvents =
      (request, failure, servedUntil) ->
          reported.add(failure.getMessage() + " until " + servedUntil);
  private final TokenService service =
      new TokenService(acquirer, clock, TokenPolicy.DEFAULT, recordingEvents);
  private final TokenRequest request = TestTokens.aRequest();

  @Test
  void givenNoMargins_whenTheClockIsOneMillisecondBeforeExpiry_thenTheTokenIsServedFromMemory()
      throws TokenAcquisitionException {
    TokenService exact = new TokenService(acquirer, clock, NO_MARGINS);
    AccessToken first = exact.acquire(request);

    clock.set(first.expiresOn().minusMillis(1));

    assertEquals(first.value(), exact.acquire(request).value());
    assertEquals(1, acquirer.callCount());
  }

  @Test
  void givenNoMargins_whenTheClockReachesExpiryExactly_thenTheTokenIsNoLongerServed()
      throws TokenAcquisitionException {
    TokenService exact = new TokenService(acquirer, clock, NO_MARGINS);
    AccessToken first = exact.acquire(request);
    clock.set(first.expiresOn());
    IdentityProviderUnavailableException down = unavailable();
    acquirer.thenFail(down);

    assertSame(down, assertThrows(TokenAcquisitionException.class, () -> exact.acquire(request)));
    assertEquals(2, acquirer.callCount());
  }

  @Test
  void givenARefreshFailsOneMillisecondBeforeTheUsableEnd_whenAcquiring_thenTheOldTokenIsServed()
      throws TokenAcquisitionException {
    AccessToken first = service.acquire(request);
    clock.set(first.expiresOn().minus(TokenPolicy.DEFAULT.minRemainingLifetime()).minusMillis(1));
    acquirer.thenFail(unavailable());

    assertEquals(first.value(), service.acquire(request).value());
    assertEquals(2, acquirer.callCount());
  }

  @Test
  void givenARefreshFails_whenCallersKeepAsking_thenTheFailureIsReportedAndCountedOnce()
      throws TokenAcquisitionException {
    AccessToken first = service.acquire(request);
    clock.advance(Duration.ofMinutes(56));
    acquirer.thenFail(unavailable());

    for (int i = 0; i < 5; i++) {
      assertEquals(first.value(), service.acquire(request).value());
    }

    Instant servedUntil = first.expiresOn().minus(TokenPolicy.DEFAULT.minRemainingLifetime());
    assertEquals(List.of("the identity provider did not answer until " + servedUntil), reported);
    assertEquals(new TokenServiceStats(2, 1, 1, 0), service.stats());
  }

  @Test
  void givenABrokenEventListener_whenARefreshFails_thenTheOldTokenIsStillServed()
      throws TokenAcquisitionException {
    TokenEvents broken =
        (r, f, until) -> {
          throw new IllegalStateException("listener bug");
        };
    TokenService withBrokenListener =
        new TokenService(acquirer, clock, TokenPolicy.DEFAULT, broken);
    AccessToken first = withBrokenListener.acquire(request);
    clock.advance(Duration.ofMinutes(56));
    acquirer.thenFail(unavailable());

    assertEquals(first.value(), withBrokenListener.acquire(request).value());
  }

  @Test
  void givenACachedToken_whenForcingARefreshTwice_thenBothGoToTheProvider()
      throws TokenAcquisitionException {
    service.acquire(request);

    AccessToken once = service.acquire(request.withForceRefresh());
    AccessToken twice = service.acquire(request.withForceRefresh());

    assertEquals(3, acquirer.callCount());
    assertNotEquals(once.value(), twice.value());
    assertEquals(TokenSource.IDENTITY_PROVIDER, twice.source());
  }

  @Test
  void givenAFailureBackOff_whenForcingARefresh_thenItStillGoesToTheProvider() {
    acquirer.thenFail(unavailable());
    assertThrows(TokenAcquisitionException.class, () -> service.acquire(request));

    AccessToken forced = assertDoesNotFail(request.withForceRefresh());

    assertEquals(2, acquirer.callCount());
    assertEquals(TokenSource.IDENTITY_PROVIDER, forced.source());
  }

  @Test
  void givenACachedToken_whenAClaimsChallengeArrivesTwice_thenBothGoToTheProvider()
      throws TokenAcquisitionException {
    service.acquire(request);
    TokenRequest challenged = request.withClaimsChallenge("{\"access_token\":{\"nbf\":{}}}");

    service.acquire(challenged);
    service.acquire(challenged);

    assertEquals(3, acquirer.callCount());
  }

  @Test
  void givenAnEqualButDistinctRequest_whenAcquiring_thenTheCachedTokenAnswersIt()
      throws TokenAcquisitionException {
    AccessToken first = service.acquire(request);

    AccessToken second = service.acquire(TestTokens.aRequest());

    assertEquals(first.value(), second.value());
    assertEquals(1, acquirer.callCount());
  }

  @Test
  void givenTwoCachedRequests_whenAlternating_thenEachIsServedItsOwnTokenFromMemory()
      throws TokenAcquisitionException {
    TokenRequest other =
        TokenRequest.of(
            TestTokens.anyTenantId(),
            Set.of(Scope.of("https://analysis.windows.net/powerbi/api/Dataset.ReadWrite.All")));
    AccessToken forRequest = service.acquire(request);
    AccessToken forOther = service.acquire(other);

    for (int i = 0; i < 3; i++) {
      assertEquals(forRequest.value(), service.acquire(request).value());
      assertEquals(forOther.value(), service.acquire(other).value());
    }
    assertEquals(2, acquirer.callCount());
    assertNotEquals(forRequest.value(), forOther.value());
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
}
