package io.github.pbitoken.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A value that must never be printed: a client secret, a password, an access token.
 *
 * <p>Deliberately not a record: a record's generated {@code toString()} would print the value.
 * Records that hold a {@code Secret} are safe to log because this class prints itself redacted.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a secret value; it must not be blank. The message never echoes the value. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    return new Secret(value);
  }

  /**
   * The raw value, for the one place that must hand it over (an HTTP request, stdout on request).
   */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
