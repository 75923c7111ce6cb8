package io.github.pbitoken.tests.entra;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted misbehaviour of the token endpoint. Faults are queued with {@link
 * EntraEmulator#queueTokenFaults(Fault...)} and each token request consumes one.
 */
public sealed interface Fault {

  /** Answers with an Entra-shaped error: {@code error}, {@code AADSTS<code>: ...}, etc. */
  static Fault error(int status, String error, int aadstsCode) {
    return new ErrorResponse(
        status, error, aadstsCode, "Scripted error from the Entra ID emulator.");
  }

  /** Like {@link #error(int, String, int)}, with the text that follows {@code AADSTS<code>: }. */
  static Fault error(int status, String error, int aadstsCode, String message) {
    return new ErrorResponse(status, error, aadstsCode, message);
  }

  /** Answers with the status and an Entra-shaped error body, without a Retry-After header. */
  static Fault status(int status) {
    return new StatusResponse(status, null);
  }

  /** Answers with the status, an Entra-shaped error body and {@code Retry-After} in seconds. */
  static Fault status(int status, Duration retryAfter) {
    return new StatusResponse(status, Objects.requireNonNull(retryAfter, "retryAfter"));
  }

  /** Waits, then answers normally (without consuming another fault). */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /** Answers 200 with this content type and body, exactly as given. */
  static Fault malformed(String contentType, String body) {
    return new MalformedResponse(contentType, body);
  }

  /** Closes the connection without sending anything. */
  static Fault dropConnection() {
    return new DropConnection();
  }

  /** Never answers; the connection is closed when the emulator is reset or stopped. */
  static Fault noResponse() {
    return new NoResponse();
  }

  record ErrorResponse(int status, String error, int aadstsCode, String message) implements Fault {
    public ErrorResponse {
      requireErrorStatus(status);
      Objects.requireNonNull(error, "error must not be null");
      if (aadstsCode <= 0) {
        throw new IllegalArgumentException(
            "aadstsCode must be a positive AADSTS number like 7000215, was " + aadstsCode);
      }
      Objects.requireNonNull(message, "message must not be null");
    }
  }

  /** {@code retryAfter} is null when no Retry-After header is sent. */
  record StatusResponse(int status, Duration retryAfter) implements Fault {
    public StatusResponse {
      requireErrorStatus(status);
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
      }
    }

    public Optional<Duration> retryAfterHeader() {
      return Optional.ofNullable(retryAfter);
    }
  }

  record Delay(Duration delay) implements Fault {
    public Delay {
      Objects.requireNonNull(delay, "delay must not be null");
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("delay must be positive, was " + delay);
      }
    }
  }

  record MalformedResponse(String contentType, String body) implements Fault {
    public MalformedResponse {
      Objects.requireNonNull(contentType, "contentType must not be null");
      Objects.requireNonNull(body, "body must not be null");
    }
  }

  record DropConnection() implements Fault {}

  record NoResponse() implements Fault {}

  private static void requireErrorStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP error (400-599), was " + status);
    }
  }
}
