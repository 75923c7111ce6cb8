package io.github.pbitoken.core.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * The identity provider could not be reached or asked us to come back later: a timeout, a refused
 * connection, HTTP 429 or 5xx. Worth retrying.
 */
public final class IdentityProviderUnavailableException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public IdentityProviderUnavailableException(
      String message, FailureDetails details, Duration retryAfter, Throwable cause) {
    super(message, details, cause);
    this.retryAfter = retryAfter;
  }

  public IdentityProviderUnavailableException(
      String message, FailureDetails details, Throwable cause) {
    this(message, details, null, cause);
  }

  /** How long the identity provider asked us to wait ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
