package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for MSAL's futures, the same way in every adapter: never longer than a bound (MSAL has
 * none of its own), cancelling what is abandoned, an interrupt as a cancelled acquisition.
 */
final class MsalFutures {
  /** Turns a timeout, an MSAL failure or a cancellation into the domain's failure. */
  @FunctionalInterface
  interface Translation {
    TokenAcquisitionException of(Throwable failure);
  }

  private MsalFutures() {}

  /**
   * The result within {@code timeout}. A timeout (the future is then cancelled), a failure or a
   * cancellation go through {@code translation}; an interrupt ends as {@link
   * AcquisitionCancelledException} "interrupted while waiting for {@code waitingFor}".
   */
  static <T> T await(
      CompletableFuture<T> future, Duration timeout, String waitingFor, Translation translation)
      throws TokenAcquisitionException {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException timedOut) {
      future.cancel(true);
      throw translation.of(timedOut);
    } catch (InterruptedException interrupted) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new AcquisitionCancelledException(
          "interrupted while waiting for " + waitingFor, FailureDetails.NONE, interrupted);
    } catch (ExecutionException | CancellationException failure) {
      throw translation.of(failure);
    }
  }
}
