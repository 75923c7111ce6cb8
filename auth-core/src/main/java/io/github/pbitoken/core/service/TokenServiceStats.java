package io.github.pbitoken.core.service;

/**
 * Counters of what a {@link TokenService} did since it was built, for health checks and metrics.
 * Cache hits are not counted, so that the hot path writes no shared memory.
 *
 * @param acquirerCalls calls to the {@code TokenAcquirer} (requests to the identity provider)
 * @param acquirerFailures those calls that failed
 * @param refreshFailuresServedStale failed refreshes after which callers kept getting the current,
 *     still usable token
 * @param callersJoinedAFlight callers that waited for an acquisition another caller had started,
 *     instead of starting their own (single flight)
 */
public record TokenServiceStats(
    long acquirerCalls,
    long acquirerFailures,
    long refreshFailuresServedStale,
    long callersJoinedAFlight) {}
