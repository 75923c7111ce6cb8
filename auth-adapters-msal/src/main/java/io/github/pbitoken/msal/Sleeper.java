package io.github.pbitoken.msal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts. Tests pass a fake that records the waits instead of waiting. */
@FunctionalInterface
interface Sleeper {
  /** The real thing: blocks the calling thread. */
  Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

  void sleep(Duration duration) throws InterruptedException;
}
