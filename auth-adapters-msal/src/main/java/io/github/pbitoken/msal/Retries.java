package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a request the identity provider could not answer is worth another attempt, and how long to
 * wait first: at most {@code maxAttempts} per acquisition and within its deadline, never for an
 * AADSTS code that waiting cannot heal, after {@code Retry-After} when given, else the back-off.
 * Shared by every flow that asks Entra ID for a token over the network (not by sign-ins, where a
 * person is waiting and MSAL polls itself).
 */
final class Retries {
  private static final Logger log = LoggerFactory.getLogger(Retries.class);

  /** One try: {@code attempt} counts from 1, and the try must end by {@code deadlineNanos}. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(int attempt, long deadlineNanos) throws TokenAcquisitionException;
  }

  private final int maxAttempts;
  private final Sleeper sleeper;
  private final Backoff backoff;

  Retries(int maxAttempts, Sleeper sleeper, Backoff backoff) {
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
    this.backoff = backoff;
  }

  /**
   * Tries until one attempt succeeds, a failure is not an outage, or the attempts or {@code
   * timeout} (for all of them together) run out; then the last failure is thrown.
   */
  <T> T run(Duration timeout, MsalErrorTranslator.Target target, Attempt<T> attempt)
      throws TokenAcquisitionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int n = 1; ; n++) {
      try {
        return attempt.run(n, deadline);
      } catch (IdentityProviderUnavailableException failure) {
        Duration wait = waitBeforeRetry(failure, n, deadline);
        if (wait == null) {
          throw failure;
        }
        log.debug(
            "attempt {}/{} at {} failed ({}); retrying in {} ms",
            n,
            maxAttempts,
            target.host(),
            failure.getMessage(),
            wait.toMillis());
        sleep(wait, target);
      }
    }
  }

  /** How long to wait before attempt {@code attempt + 1}, or {@code null} to give up now. */
  private Duration waitBeforeRetry(
      IdentityProviderUnavailableException failure, int attempt, long deadlineNanos) {
    if (attempt >= maxAttempts) {
      return null;
    }
    if (failure.details().aadstsCodes().stream().anyMatch(EntraErrorCatalog::isNonRetryable)) {
      return null;
    }
    Duration wait = failure.retryAfter().orElseGet(() -> backoff.delayBefore(attempt));
    long remaining = deadlineNanos - System.nanoTime();
    return wait.toNanos() < remaining ? wait : null;
  }

  private void sleep(Duration wait, MsalErrorTranslator.Target target)
      throws AcquisitionCancelledException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AcquisitionCancelledException(
          "interrupted while waiting to retry the token request to " + target.host(),
          FailureDetails.NONE,
          interrupted);
    }
  }
}
