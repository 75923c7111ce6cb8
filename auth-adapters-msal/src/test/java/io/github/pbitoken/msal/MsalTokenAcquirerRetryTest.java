package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.IHttpClient;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.testing.TestTokens;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter owns the one retry policy: bounded, Retry-After first, back-off with jitter. */
class MsalTokenAcquirerRetryTest {
  private final IHttpClient http = mock(IHttpClient.class);
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private MsalTokenAcquirer acquirer(int maxAttempts, Duration acquireTimeout) {
    return MsalTokenAcquirer.create(
        Entra.settings(Entra.canarySecret(), null, acquireTimeout, maxAttempts, null),
        http,
        sleeper,
        Clock.systemUTC());
  }

  @Test
  void givenA503ThenAToken_whenAcquiring_thenTwoRequestsAndOneBackOff() throws Exception {
    when(http.send(any()))
        .thenAnswer(call -> Entra.error(503, "temporarily_unavailable", 0))
        .thenAnswer(call -> Entra.token(Entra.fakeToken(), 3599));

    AccessToken token = acquirer(3, Duration.ofSeconds(10)).acquire(TestTokens.aRequest());

    assertEquals(TokenSource.IDENTITY_PROVIDER, token.source());
    verify(http, times(2)).send(any());
    assertEquals(1, sleeper.waits.size());
    Duration wait = sleeper.waits.get(0);
    assertTrue(
        wait.compareTo(Duration.ofMillis(100)) >= 0 && wait.compareTo(Duration.ofMillis(200)) <= 0,
        "first back-off " + wait);
  }

  @Test
  void givenA429WithRetryAfter_whenAcquiring_thenItWaitsThatLongAndRetries() throws Exception {
    when(http.send(any()))
        .thenAnswer(
            call ->
                Entra.withHeader(
                    Entra.error(429, "temporarily_unavailable", 0), "Retry-After", "7"))
        .thenAnswer(call -> Entra.token(Entra.fakeToken(), 3599));

    acquirer(3, Duration.ofSeconds(30)).acquire(TestTokens.aRequest());

    verify(http, times(2)).send(any());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits);
  }

  @Test
  void givenRetryAfterBeyondTheDeadline_whenAcquiring_thenNoRetryAndTheFailureCarriesIt()
      throws Exception {
    when(http.send(any()))
        .thenAnswer(call -> Entra.withHeader(Entra.json(429, ""), "Retry-After", "3600"));

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer(3, Duration.ofSeconds(10)).acquire(TestTokens.aRequest()));

    verify(http, times(1)).send(any());
    assertTrue(sleeper.waits.isEmpty());
    assertEquals(Duration.ofHours(1), failure.retryAfter().orElseThrow());
  }

  @Test
  void givenANonRetryableError_whenAcquiring_thenOneRequestAndNoWait() throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(401, "invalid_client", 7000215));

    assertThrows(
        CredentialsRejectedException.class,
        () -> acquirer(5, Duration.ofSeconds(10)).acquire(TestTokens.aRequest()));

    verify(http, times(1)).send(any());
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void givenANonRetryableCodeOnA5xx_whenAcquiring_thenNoRetry() throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(500, "server_error", 50126));

    assertThrows(
        CredentialsRejectedException.class,
        () -> acquirer(5, Duration.ofSeconds(10)).acquire(TestTokens.aRequest()));

    verify(http, times(1)).send(any());
  }

  @Test
  void givenTheProviderStaysDown_whenAcquiring_thenAtMostMaxAttemptsWithGrowingBackOff()
      throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(503, "temporarily_unavailable", 0));

    assertThrows(
        IdentityProviderUnavailableException.class,
        () -> acquirer(4, Duration.ofSeconds(30)).acquire(TestTokens.aRequest()));

    verify(http, times(4)).send(any());
    assertEquals(3, sleeper.waits.size());
    for (int retry = 1; retry <= 3; retry++) {
      long ceiling = 200L << (retry - 1);
      long waited = sleeper.waits.get(retry - 1).toMillis();
      assertTrue(waited >= ceiling / 2 && waited <= ceiling, "retry " + retry + ": " + waited);
    }
  }

  @Test
  void givenConnectionsAreRefused_whenAcquiring_thenAtMostMaxAttempts() throws Exception {
    when(http.send(any())).thenThrow(new ConnectException("Connection refused"));

    assertThrows(
        IdentityProviderUnavailableException.class,
        () -> acquirer(2, Duration.ofSeconds(30)).acquire(TestTokens.aRequest()));

    verify(http, times(2)).send(any());
  }

  @Test
  void givenMaxAttemptsOne_whenA503_thenNoRetry() throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(503, "temporarily_unavailable", 0));

    assertThrows(
        IdentityProviderUnavailableException.class,
        () -> acquirer(1, Duration.ofSeconds(30)).acquire(TestTokens.aRequest()));

    verify(http, times(1)).send(any());
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void givenTheWaitIsInterrupted_whenRetrying_thenCancelledAndTheFlagIsRestored() throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.error(503, "temporarily_unavailable", 0));
    MsalTokenAcquirer acquirer =
        MsalTokenAcquirer.create(
            Entra.settings(Entra.canarySecret(), null, Duration.ofSeconds(30), 3, null),
            http,
            duration -> {
              throw new InterruptedException();
            },
            Clock.systemUTC());

    try {
      assertThrows(
          AcquisitionCancelledException.class, () -> acquirer.acquire(TestTokens.aRequest()));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted(); // clear it for the next test
    }
  }
}
