package io.github.pbitoken.msal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with "equal jitter": before retry {@code n} (1-based) wait between half and
 * all of {@code base * 2^(n-1)}, capped at {@code max}. The jitter spreads out callers that failed
 * together, so they do not come back together.
 */
record Backoff(Duration base, Duration max) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

  /** How long to wait before retry number {@code retry} (1 for the first retry). */
  Duration delayBefore(int retry) {
    long ceiling = base.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
    long capped = Math.min(ceiling, max.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }
}
