package io.github.pbitoken.tests.entra;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds back exchanges that a fault told to wait ({@code delay}, {@code noResponse}) until their
 * time is up, the emulator is reset, or it stops: whichever comes first.
 */
final class HeldExchanges {
  private final AtomicReference<CountDownLatch> release =
      new AtomicReference<>(new CountDownLatch(1));
  private volatile boolean stopped;

  /**
   * Taken when a request arrives, before anyone can see it: a reset or stop from then on lets it
   * go, even if it starts waiting later.
   */
  Hold arrive() {
    return new Hold(release.get());
  }

  /** Lets every exchange that arrived so far go. */
  void releaseAll() {
    release.getAndSet(new CountDownLatch(1)).countDown();
  }

  /** Lets every exchange go, and holds none from now on. */
  void stop() {
    stopped = true;
    release.get().countDown();
  }

  final class Hold {
    private final CountDownLatch released;

    private Hold(CountDownLatch released) {
      this.released = released;
    }

    /** Waits at most {@code duration}. */
    void await(Duration duration) throws InterruptedException {
      if (!stopped) {
        released.await(duration.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    /** Waits until reset or stop. */
    void awaitRelease() throws InterruptedException {
      if (!stopped) {
        released.await();
      }
    }
  }
}
