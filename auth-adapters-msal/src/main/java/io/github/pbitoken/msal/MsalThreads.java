package io.github.pbitoken.msal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads MSAL runs its requests on. Without an executor MSAL4J uses the common ForkJoin pool,
 * which on a 2-core machine means a new thread per call (MSAL4J-FACTS.md). This pool is small,
 * named ({@code pbi-token-msal-N}), made of daemon threads (it never keeps a CLI alive), and its
 * idle threads go away.
 */
final class MsalThreads {
  static final int POOL_SIZE = 4;
  private static final long IDLE_SECONDS = 30;
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private MsalThreads() {}

  static ExecutorService newExecutor() {
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "pbi-token-msal-" + SERIAL.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            POOL_SIZE,
            POOL_SIZE,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
