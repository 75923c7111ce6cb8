package io.github.pbitoken.core.testing;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable {@link TokenAcquirer}: issues tokens valid for a set lifetime on its clock, or plays
 * back scripted outcomes, and records every request. It can hold callers at a latch so tests can
 * line up concurrent callers without sleeping.
 */
public final class FakeTokenAcquirer implements TokenAcquirer {
  private final Clock clock;
  private final Deque<Object> script = new ArrayDeque<>();
  private final Queue<TokenRequest> requests = new ConcurrentLinkedQueue<>();
  private volatile Duration lifetime = Duration.ofHours(1);
  private volatile CountDownLatch entered;
  private volatile CountDownLatch release;

  public FakeTokenAcquirer(Clock clock) {
    this.clock = clock;
  }

  /** From now on, unscripted calls issue tokens valid for {@code newLifetime}. */
  public FakeTokenAcquirer issuingTokensValidFor(Duration newLifetime) {
    this.lifetime = newLifetime;
    return this;
  }

  /** The next call returns {@code token}. */
  public synchronized FakeTokenAcquirer thenIssue(AccessToken token) {
    script.addLast(token);
    return this;
  }

  /** The next call fails with {@code failure}. */
  public synchronized FakeTokenAcquirer thenFail(TokenAcquisitionException failure) {
    script.addLast(failure);
    return this;
  }

  /**
   * Calls block until {@code releaseLatch} opens, after counting down {@code enteredLatch}, so a
   * test knows a call is in flight.
   */
  public void holdCallsAt(CountDownLatch enteredLatch, CountDownLatch releaseLatch) {
    this.entered = enteredLatch;
    this.release = releaseLatch;
  }

  @Override
  public AccessToken acquire(TokenRequest request) throws TokenAcquisitionException {
    requests.add(request);
    awaitRelease();
    Object next;
    synchronized (this) {
      next = script.pollFirst();
    }
    if (next instanceof TokenAcquisitionException failure) {
      throw failure;
    }
    if (next instanceof AccessToken token) {
      return token;
    }
    return TestTokens.aTokenFor(request, clock.instant(), lifetime);
  }

  private void awaitRelease() {
    CountDownLatch gate = release;
    if (gate == null) {
      return;
    }
    entered.countDown();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("FakeTokenAcquirer was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while held", e);
    }
  }

  public int callCount() {
    return requests.size();
  }

  public List<TokenRequest> requests() {
    return List.copyOf(requests);
  }
}
