package io.github.pbitoken.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the local time zone, which is looked up only when a local time is shown
 * ({@code --output json}): reading the zone rules costs a cached-token run milliseconds it does not
 * otherwise need.
 */
final class LocalClock extends Clock {
  @Override
  public ZoneId getZone() {
    return ZoneId.systemDefault();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.system(zone);
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }
}
