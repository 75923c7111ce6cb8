package io.github.pbitoken.tests.bench;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.service.TokenService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A cached token, asked for again: pbi-token's {@link TokenService} against MSAL4J's own cached
 * {@code acquireToken} (client credentials), both warmed with one real request to the local
 * emulator. Thread counts are set by {@link Benchmarks} (1 and 8).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CachedTokenBenchmark {
  private BenchEntra entra;
  private TokenService tokenService;
  private TokenRequest equalRequest;
  private ConfidentialClientApplication msalDefaultExecutor;
  private ExecutorService sameThread;
  private ConfidentialClientApplication msalSameThreadExecutor;

  @Setup
  public void warmUp() throws Exception {
    entra = BenchEntra.start();
    tokenService = entra.tokenService();
    tokenService.acquire(BenchEntra.REQUEST);
    // equal to REQUEST but another instance: the map lookup instead of the identity check
    equalRequest =
        new TokenRequest(
            BenchEntra.REQUEST.scopes(), BenchEntra.REQUEST.tenant(), null, false, null);
    msalDefaultExecutor = entra.msal(null);
    msalDefaultExecutor.acquireToken(BenchEntra.MSAL_PARAMETERS).get(60, TimeUnit.SECONDS);
    sameThread = new SameThreadExecutor();
    msalSameThreadExecutor = entra.msal(sameThread);
    msalSameThreadExecutor.acquireToken(BenchEntra.MSAL_PARAMETERS).get(60, TimeUnit.SECONDS);
    if (entra.emulator().requestCount() != 3) {
      throw new IllegalStateException(
          "expected 3 token requests while warming up, saw " + entra.emulator().requestCount());
    }
  }

  @TearDown
  public void checkNothingWentToTheNetwork() {
    int requests = entra.emulator().requestCount();
    sameThread.shutdown();
    entra.close();
    if (requests != 3) {
      throw new IllegalStateException("cached calls sent requests: " + requests + " in total");
    }
  }

  @Benchmark
  public AccessToken tokenService() throws TokenAcquisitionException {
    return tokenService.acquire(BenchEntra.REQUEST);
  }

  @Benchmark
  public AccessToken tokenServiceEqualRequest() throws TokenAcquisitionException {
    return tokenService.acquire(equalRequest);
  }

  @Benchmark
  public IAuthenticationResult msalDefaultExecutor() throws Exception {
    return msalDefaultExecutor.acquireToken(BenchEntra.MSAL_PARAMETERS).get(60, TimeUnit.SECONDS);
  }

  @Benchmark
  public IAuthenticationResult msalSameThreadExecutor() throws Exception {
    return msalSameThreadExecutor
        .acquireToken(BenchEntra.MSAL_PARAMETERS)
        .get(60, TimeUnit.SECONDS);
  }
}
