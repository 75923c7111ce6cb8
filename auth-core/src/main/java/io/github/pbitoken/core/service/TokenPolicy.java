package io.github.pbitoken.core.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TokenService} treats token lifetimes.
 *
 * @param refreshBefore start refreshing this long before expiry (unless the identity provider
 *     advised an earlier refresh-on)
 * @param minRemainingLifetime never hand out a token with less than this left
 * @param failureBackoff after a failed refresh, wait at least this long before asking again
 */
public record TokenPolicy(
    Duration refreshBefore, Duration minRemainingLifetime, Duration failureBackoff) {
  public static final TokenPolicy DEFAULT =
      new TokenPolicy(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(10));

  public TokenPolicy {
    requireNonNegative(refreshBefore, "refreshBefore");
    requireNonNegative(minRemainingLifetime, "minRemainingLifetime");
    requireNonNegative(failureBackoff, "failureBackoff");
    if (minRemainingLifetime.compareTo(refreshBefore) > 0) {
      throw new IllegalArgumentException(
          "minRemainingLifetime ("
              + minRemainingLifetime
              + ") must not exceed refreshBefore ("
              + refreshBefore
              + "): tokens would expire from use before they are refreshed");
    }
  }

  private static void requireNonNegative(Duration value, String name) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
