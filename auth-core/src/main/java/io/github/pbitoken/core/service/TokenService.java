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
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands out Power BI tokens from memory, and goes to the {@link TokenAcquirer} only when it must.
 *
 * <ul>
 *   <li><b>Cache hit</b>: a fresh token is returned with one map lookup and one clock read: no
 *       lock, no thread hop.
 *   <li><b>Refresh ahead</b>: once a token is due (its refresh-on, or {@code refreshBefore} ahead
 *       of expiry, but not before half its lifetime), the first caller refreshes it on its own
 *       thread while every other caller keeps getting the current token without waiting.
 *   <li><b>Single flight</b>: callers that find no usable token share one acquisition and all get
 *       its result or its error.
 *   <li><b>Degradation</b>: a failed refresh while the old token is still usable serves the old
 *       token and backs off for {@code failureBackoff}; with nothing usable the error reaches
 *       callers, and is repeated to them during the back-off instead of hammering the provider.
 *   <li>{@code forceRefresh} and claims challenges always go to the identity provider.
 * </ul>
 */
public final class TokenService implements AcquireTokenUseCase {
  private final TokenAcquirer tokenAcquirer;
  private final Clock clock;
  private final TokenPolicy policy;
  private final ConcurrentHashMap<TokenRequest, Entry> entries = new ConcurrentHashMap<>();

  public TokenService(TokenAcquirer tokenAcquirer, Clock clock, TokenPolicy policy) {
    this.tokenAcquirer = Objects.requireNonNull(tokenAcquirer, "tokenAcquirer must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
  }

  @Override
  public AccessToken acquire(TokenRequest request) throws TokenAcquisitionException {
    Entry entry = entries.get(request);
    if (entry != null) {
      Cached cached = entry.current;
      if (cached != null && clock.millis() < cached.refreshDueMillis) {
        return cached.token;
      }
    }
    return acquireSlowly(request);
  }

  private AccessToken acquireSlowly(TokenRequest request) throws TokenAcquisitionException {
    Entry entry = entries.computeIfAbsent(request.cacheKey().withoutClaims(), key -> new Entry());
    if (request.forceRefresh() || request.claimsChallenge() != null) {
      return fly(entry, request, new CompletableFuture<>()).fromProvider;
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
    if (now < entry.retryNotBeforeMillis) {
      return cached.token;
    }
    CompletableFuture<Cached> flight = new CompletableFuture<>();
    if (!entry.flight.compareAndSet(null, flight)) {
      return cached.token;
    }
    try {
      return fly(entry, request, flight).fromProvider;
    } catch (TokenAcquisitionException stillUsable) {
      return cached.token;
    }
  }

  private AccessToken joinOrLeadFlight(Entry entry, TokenRequest request)
      throws TokenAcquisitionException {
    while (true) {
      CompletableFuture<Cached> running = entry.flight.get();
      if (running != null) {
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
    try {
      Cached fresh = cache(tokenAcquirer.acquire(request));
      entry.current = fresh;
      entry.lastFailure = null;
      entry.retryNotBeforeMillis = 0;
      flight.complete(fresh);
      return fresh;
    } catch (TokenAcquisitionException failure) {
      entry.lastFailure = failure;
      entry.retryNotBeforeMillis = clock.millis() + policy.failureBackoff().toMillis();
      flight.completeExceptionally(failure);
      throw failure;
    } catch (RuntimeException | Error bug) {
      flight.completeExceptionally(bug);
      throw bug;
    } finally {
      entry.flight.compareAndSet(flight, null);
    }
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
    volatile Cached current;
    volatile TokenAcquisitionException lastFailure;
    volatile long retryNotBeforeMillis;
    final AtomicReference<CompletableFuture<Cached>> flight = new AtomicReference<>();
  }
}
