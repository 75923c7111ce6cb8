package io.github.pbitoken.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand. Thread-safe. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  /** A clock at a fixed, fake-looking moment: 2030-01-01T00:00:00Z. */
  public static MutableClock atFixedStart() {
    return new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  }

  public synchronized void advance(Duration step) {
    now = now.plus(step);
  }

  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("MutableClock is always UTC");
  }
}
