package io.github.pbitoken.tests.bench;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import io.github.pbitoken.core.service.TokenService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stampede: many threads ask for a token at once on a cold cache, and the emulator counts the
 * token requests that reach it. pbi-token's {@link TokenService} (single flight) against MSAL4J
 * alone (no de-duplication), each with a fresh cache, in one JVM.
 */
final class StampedeHarness {
  private static final long TIMEOUT_SECONDS = 120;

  /** What one stampede did: requests the emulator saw, callers that got a token, wall time. */
  record Outcome(String contender, int callers, int requests, int succeeded, long millis) {}

  private StampedeHarness() {}

  static List<Outcome> run(int callers) throws InterruptedException {
    try (BenchEntra entra = BenchEntra.start()) {
      List<Outcome> outcomes = new ArrayList<>();
      TokenService tokenService = entra.tokenService();
      outcomes.add(
          stampede(
              "TokenService (MSAL adapter)",
              callers,
              entra,
              () -> tokenService.acquire(BenchEntra.REQUEST)));
      entra.emulator().reset();
      ConfidentialClientApplication msal = entra.msal(null);
      outcomes.add(
          stampede(
              "MSAL4J alone (default executor)",
              callers,
              entra,
              () ->
                  msal.acquireToken(BenchEntra.MSAL_PARAMETERS)
                      .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)));
      return outcomes;
    }
  }

  private static Outcome stampede(String contender, int callers, BenchEntra entra, Call call)
      throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(callers);
    AtomicInteger succeeded = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread thread =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                  call.run();
                  succeeded.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Exception failed) {
                  // counted as not succeeded
                } finally {
                  done.countDown();
                }
              },
              "stampede-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("callers did not start");
    }
    long start = System.nanoTime();
    go.countDown();
    if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      threads.forEach(Thread::interrupt);
      throw new IllegalStateException(contender + ": callers did not finish");
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new Outcome(
        contender, callers, entra.emulator().requestCount(), succeeded.get(), millis);
  }

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }
}
