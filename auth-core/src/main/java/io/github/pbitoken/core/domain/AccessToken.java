package io.github.pbitoken.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A bearer token for a Power BI resource. Safe to log: the value is a {@link Secret}.
 *
 * @param value the JWT, never printed
 * @param expiresOn when the identity provider stops accepting it
 * @param refreshOn when the identity provider advises refreshing it ({@code refresh_in}), or {@code
 *     null}
 * @param scopes the scopes it was granted for
 * @param tenant the tenant that issued it
 * @param account the user it acts for, or {@code null} for an app-only token
 * @param source whether it came from the identity provider just now or from a cache
 */
public record AccessToken(
    Secret value,
    Instant expiresOn,
    Instant refreshOn,
    Set<Scope> scopes,
    TenantId tenant,
    Account account,
    TokenSource source) {

  public AccessToken {
    Objects.requireNonNull(value, "token value must not be null");
    Objects.requireNonNull(expiresOn, "token expiresOn must not be null");
    Objects.requireNonNull(scopes, "token scopes must not be null");
    Objects.requireNonNull(tenant, "token tenant must not be null");
    Objects.requireNonNull(source, "token source must not be null");
    scopes = Set.copyOf(scopes);
    if (refreshOn != null && refreshOn.isAfter(expiresOn)) {
      throw new IllegalArgumentException(
          "token refreshOn (" + refreshOn + ") must not be after expiresOn (" + expiresOn + ")");
    }
  }

  /** Whether the token is still good at {@code now} for at least {@code minRemaining}. */
  public boolean isUsableAt(Instant now, Duration minRemaining) {
    return now.plus(minRemaining).isBefore(expiresOn);
  }

  /**
   * When to start refreshing: at the identity provider's {@code refreshOn} if it gave one and that
   * comes first, otherwise {@code refreshBefore} ahead of expiry.
   */
  public Instant refreshDueAt(Duration refreshBefore) {
    Instant ahead = expiresOn.minus(refreshBefore);
    return refreshOn != null && refreshOn.isBefore(ahead) ? refreshOn : ahead;
  }

  /** Time left at {@code now}; negative once expired. */
  public Duration remainingAt(Instant now) {
    return Duration.between(now, expiresOn);
  }

  /** The user this token acts for, if any. */
  public Optional<Account> accountInfo() {
    return Optional.ofNullable(account);
  }

  /** The same token, marked as coming from {@code newSource}. */
  public AccessToken withSource(TokenSource newSource) {
    return newSource == source
        ? this
        : new AccessToken(value, expiresOn, refreshOn, scopes, tenant, account, newSource);
  }
}
