package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import java.time.Duration;

/**
 * When a request the identity provider could not answer is worth another attempt, and how long to
 * wait first: at most {@code maxAttempts} per acquisition and within its deadline, never for an
 * AADSTS code that waiting cannot heal, after {@code Retry-After} when given, else the back-off.
 * Shared by every flow that asks Entra ID for a token over the network (not by sign-ins, where a
 * person is waiting and MSAL polls itself).
 */
final class Retries {
  private final int maxAttempts;
  private final Sleeper sleeper;
  private final Backoff backoff;

  Retries(int maxAttempts, Sleeper sleeper, Backoff backoff) {
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
    this.backoff = backoff;
  }

  /** How long to wait before attempt {@code attempt + 1}, or {@code null} to give up now. */
  Duration waitBeforeRetry(
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

  int maxAttempts() {
    return maxAttempts;
  }

  void sleep(Duration wait, MsalErrorTranslator.Target target)
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
