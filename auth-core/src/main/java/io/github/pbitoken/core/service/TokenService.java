package io.github.pbitoken.core.service;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import io.github.pbitoken.core.port.in.AcquireTokenUseCase;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.port.out.TokenEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands out Power BI tokens from memory, and goes to the {@link TokenAcquirer} only when it must.
 *
 * <ul>
 *   <li><b>Cache hit</b>: a fresh token is returned with one clock read and, unless the caller
 *       passes the same {@link TokenRequest} instance as last time, one map lookup: no lock, no
 *       allocation, no thread hop, no shared write (JMH: {@code CachedTokenBenchmark}).
 *   <li><b>Refresh ahead</b>: once a token is due (its refresh-on, or {@code refreshBefore} ahead
 *       of expiry, but not before half its lifetime), the first caller refreshes it on its own
 *       thread while every other caller keeps getting the current token without waiting.
 *   <li><b>Single flight</b>: callers that find no usable token share one acquisition and all get
 *       its result or its error.
 *   <li><b>Degradation</b>: a failed refresh while the old token is still usable serves the old
 *       token, is reported once to {@link TokenEvents} and counted in {@link #stats()}, and backs
 *       off for {@code failureBackoff}; with nothing usable the error reaches callers, and is
 *       repeated to them during the back-off instead of hammering the provider.
 *   <li>{@code forceRefresh} and claims challenges always go to the identity provider.
 * </ul>
 *
 * <p>To embed it without Guice or HOCON: {@code new TokenService(anyTokenAcquirer,
 * Clock.systemUTC(), TokenPolicy.DEFAULT)}, build it once and share it between threads.
 */
public final class TokenService implements AcquireTokenUseCase {
  private final TokenAcquirer tokenAcquirer;
  private final Clock clock;
  private final TokenPolicy policy;
  private final TokenEvents events;
  private final ConcurrentHashMap<TokenRequest, Entry> entries = new ConcurrentHashMap<>();
  private final Counters counters = new Counters();

  /**
   * The entry of the last request that missed: most services ask for one token, with one request
   * object, so an identity check skips hashing the request and the map.
   */
  private volatile Entry lastMissed;

  /** A service that reports nothing but its {@link #stats()}. */
  public TokenService(TokenAcquirer tokenAcquirer, Clock clock, TokenPolicy policy) {
    this(tokenAcquirer, clock, policy, TokenEvents.NONE);
  }

  /**
   * @param tokenAcquirer where tokens come from (e.g. {@code MsalAdapters.tokenAcquirer(...)})
   * @param clock the time, e.g. {@code Clock.systemUTC()}
   * @param policy refresh window, minimum remaining lifetime, failure back-off
   * @param events told about failed refreshes that callers do not see
   */
  public TokenService(
      TokenAcquirer tokenAcquirer, Clock clock, TokenPolicy policy, TokenEvents events) {
    this.tokenAcquirer = Objects.requireNonNull(tokenAcquirer, "tokenAcquirer must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.events = Objects.requireNonNull(events, "events must not be null");
  }

  @Override
  public AccessToken acquire(TokenRequest request) throws TokenAcquisitionException {
    Entry entry = lastMissed;
    if (entry == null || entry.key != request) {
      entry = entries.get(request);
    }
    if (entry != null) {
      Cached cached = entry.current;
      if (cached != null && clock.millis() < cached.refreshDueMillis) {
        return cached.token;
      }
    }
    return acquireSlowly(request);
  }

  private AccessToken acquireSlowly(TokenRequest request) throws TokenAcquisitionException {
    Entry entry = entries.computeIfAbsent(request.cacheKey().withoutClaims(), Entry::new);
    if (request.forceRefresh() || request.claimsChallenge() != null) {
      return fly(entry, request, new CompletableFuture<>()).fromProvider;
    }
    if (lastMissed != entry) {
      lastMissed = entry;
    }
    long now = clock.millis();
    Cached cached = entry.current;
    if (cached != null && now < cached.refreshDueMillis) {
      return cached.token;
    }
    if (cached != null && now < cached.usableUntilMillis) {
      return refreshAhead(entry, request, cached, now);
    }
    TokenAcquisitionException recentFailure = entry.lastFailure;
    if (recentFailure != null && now < entry.retryNotBeforeMillis) {
      throw recentFailure;
    }
    return joinOrLeadFlight(entry, request);
  }

  private AccessToken refreshAhead(Entry entry, TokenRequest request, Cached cached, long now) {
    if (now < entry.retryNotBeforeMillis || entry.flight.get() != null) {
      return cached.token;
    }
    CompletableFuture<Cached> flight = new CompletableFuture<>();
    if (!entry.flight.compareAndSet(null, flight)) {
      return cached.token;
    }
    try {
      return fly(entry, request, flight).fromProvider;
    } catch (TokenAcquisitionException failure) {
      counters.refreshFailuresServedStale.increment();
      report(request, failure, cached);
      return cached.token;
    }
  }

  private void report(TokenRequest request, TokenAcquisitionException failure, Cached stillUsable) {
    try {
      events.refreshFailed(request, failure, Instant.ofEpochMilli(stillUsable.usableUntilMillis));
    } catch (RuntimeException ignored) {
      // a broken reporter must not take the still usable token away from the caller
    }
  }

  private AccessToken joinOrLeadFlight(Entry entry, TokenRequest request)
      throws TokenAcquisitionException {
    while (true) {
      CompletableFuture<Cached> running = entry.flight.get();
      if (running != null) {
        counters.callersJoinedAFlight.increment();
        return await(running).fromProvider;
      }
      CompletableFuture<Cached> flight = new CompletableFuture<>();
      if (entry.flight.compareAndSet(null, flight)) {
        Cached landedMeanwhile = entry.current;
        if (landedMeanwhile != null && clock.millis() < landedMeanwhile.refreshDueMillis) {
          entry.flight.compareAndSet(flight, null);
          flight.complete(landedMeanwhile);
          return landedMeanwhile.token;
        }
        return fly(entry, request, flight).fromProvider;
      }
    }
  }

  /** Asks the identity provider, publishes the outcome to the entry and to {@code flight}. */
  private Cached fly(Entry entry, TokenRequest request, CompletableFuture<Cached> flight)
      throws TokenAcquisitionException {
    counters.acquirerCalls.increment();
    try {
      Cached fresh = cache(tokenAcquirer.acquire(request));
      entry.current = fresh;
      entry.lastFailure = null;
      entry.retryNotBeforeMillis = 0;
      flight.complete(fresh);
      return fresh;
    } catch (TokenAcquisitionException failure) {
      counters.acquirerFailures.increment();
      entry.lastFailure = failure;
      entry.retryNotBeforeMillis = clock.millis() + policy.failureBackoff().toMillis();
      flight.completeExceptionally(failure);
      throw failure;
    } catch (RuntimeException | Error bug) {
      counters.acquirerFailures.increment();
      flight.completeExceptionally(bug);
      throw bug;
    } finally {
      entry.flight.compareAndSet(flight, null);
    }
  }

  /** What this service did so far; cheap, and safe to call from any thread. */
  public TokenServiceStats stats() {
    return new TokenServiceStats(
        counters.acquirerCalls.sum(),
        counters.acquirerFailures.sum(),
        counters.refreshFailuresServedStale.sum(),
        counters.callersJoinedAFlight.sum());
  }

  private Cached cache(AccessToken token) throws UnexpectedIdentityProviderResponseException {
    if (token == null) {
      throw new UnexpectedIdentityProviderResponseException(
          "the identity provider returned no token", FailureDetails.NONE);
    }
    long now = clock.millis();
    long expires = token.expiresOn().toEpochMilli();
    long usableUntil = expires - policy.minRemainingLifetime().toMillis();
    if (now >= usableUntil) {
      throw new UnexpectedIdentityProviderResponseException(
          "the identity provider returned a token that expires too soon (at "
              + token.expiresOn()
              + ", less than "
              + policy.minRemainingLifetime().toSeconds()
              + "s from now)",
          FailureDetails.hint("check the clock of this machine, or the token lifetime policy"));
    }
    long refreshDue =
        token.refreshOn() != null
            ? token.refreshOn().toEpochMilli()
            : Math.max(expires - policy.refreshBefore().toMillis(), now + (expires - now) / 2);
    return new Cached(
        token.withSource(TokenSource.CACHE), token, Math.min(refreshDue, usableUntil), usableUntil);
  }

  private static Cached await(CompletableFuture<Cached> flight) throws TokenAcquisitionException {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AcquisitionCancelledException(
          "interrupted while waiting for a token", FailureDetails.NONE, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TokenAcquisitionException failure) {
        throw failure;
      }
      if (cause instanceof RuntimeException bug) {
        throw bug;
      }
      throw (Error) cause;
    }
  }

  /** A token ready to hand out, with its deadlines as epoch millis for a cheap comparison. */
  private record Cached(
      AccessToken token, AccessToken fromProvider, long refreshDueMillis, long usableUntilMillis) {}

  /**
   * Everything known about one request: the current token, the running flight, the last failure.
   */
  private static final class Entry {
    /** The request this entry answers: the instance that created it, for the identity check. */
    final TokenRequest key;

    volatile Cached current;
    volatile TokenAcquisitionException lastFailure;
    volatile long retryNotBeforeMillis;
    final AtomicReference<CompletableFuture<Cached>> flight = new AtomicReference<>();

    Entry(TokenRequest key) {
      this.key = key;
    }
  }

  /** Written on the slow path only. */
  private static final class Counters {
    final LongAdder acquirerCalls = new LongAdder();
    final LongAdder acquirerFailures = new LongAdder();
    final LongAdder refreshFailuresServedStale = new LongAdder();
    final LongAdder callersJoinedAFlight = new LongAdder();
  }
}
