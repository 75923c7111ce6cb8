package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.IHttpClient;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An identity provider that never answers costs at most the acquire timeout. */
class MsalTokenAcquirerTimeoutTest {
  private final IHttpClient http = mock(IHttpClient.class);
  private final CountDownLatch answer = new CountDownLatch(1);
  private final CountDownLatch asked = new CountDownLatch(1);

  @AfterEach
  void releaseTheBlockedThreads() {
    answer.countDown();
  }

  private void givenTheProviderHangs() throws Exception {
    when(http.send(any()))
        .thenAnswer(
            call -> {
              asked.countDown();
              answer.await();
              return Entra.token(Entra.fakeToken(), 3599);
            });
  }

  @Test
  void givenAHangingProvider_whenAcquiring_thenUnavailableWithinTheAcquireTimeout()
      throws Exception {
    givenTheProviderHangs();
    MsalTokenAcquirer acquirer =
        MsalTokenAcquirer.create(
            Entra.settings(Entra.canarySecret(), null, Duration.ofMillis(400), 3, null),
            http,
            new RecordingSleeper(),
            Clock.systemUTC());
    long started = System.nanoTime();

    IdentityProviderUnavailableException failure =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                assertThrows(
                    IdentityProviderUnavailableException.class,
                    () -> acquirer.acquire(TestTokens.aRequest())));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(Duration.ofMillis(350)) >= 0, "gave up early: " + took);
    assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
    assertTrue(failure.getMessage().contains("login.microsoftonline.com"), failure.getMessage());
    assertTrue(failure.retryable());
  }

  @Test
  void givenTheCallerIsInterrupted_whenWaiting_thenCancelledAndTheFlagIsRestored()
      throws Exception {
    givenTheProviderHangs();
    MsalTokenAcquirer acquirer =
        MsalTokenAcquirer.create(
            Entra.settings(Entra.canarySecret(), null, Duration.ofSeconds(20), 1, null),
            http,
            new RecordingSleeper(),
            Clock.systemUTC());
    AtomicReference<TokenAcquisitionException> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                acquirer.acquire(TestTokens.aRequest());
              } catch (TokenAcquisitionException e) {
                thrown.set(e);
              }
              flag.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertTrue(asked.await(5, TimeUnit.SECONDS));

    caller.interrupt();
    caller.join(5_000);

    assertInstanceOf(AcquisitionCancelledException.class, thrown.get());
    assertEquals(Boolean.TRUE, flag.get());
  }
}
