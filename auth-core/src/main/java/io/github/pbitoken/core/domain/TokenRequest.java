package io.github.pbitoken.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller wants a token for.
 *
 * @param scopes the permissions, all of one resource (Entra ID rejects mixed resources)
 * @param tenant the tenant to sign in to
 * @param account the signed-in user to act for, or {@code null} for the app itself or the only user
 * @param forceRefresh skip every cache and ask the identity provider
 * @param claimsChallenge a claims challenge (CAE) from a resource, or {@code null}; implies a round
 *     trip to the identity provider
 */
public record TokenRequest(
    Set<Scope> scopes,
    TenantId tenant,
    Account account,
    boolean forceRefresh,
    String claimsChallenge) {

  public TokenRequest {
    Objects.requireNonNull(scopes, "scopes must not be null");
    Objects.requireNonNull(tenant, "tenant must not be null");
    scopes = Set.copyOf(scopes);
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes must name at least one scope");
    }
    if (scopes.stream().map(Scope::resource).distinct().count() > 1) {
      throw new IllegalArgumentException(
          "scopes must all belong to one resource (Entra ID rejects mixed resources), were "
              + scopes);
    }
    if (claimsChallenge != null && claimsChallenge.isBlank()) {
      throw new IllegalArgumentException("claims challenge must not be blank when given");
    }
  }

  /** A plain request for these scopes in this tenant. */
  public static TokenRequest of(TenantId tenant, Set<Scope> scopes) {
    return new TokenRequest(scopes, tenant, null, false, null);
  }

  /** The same request, but bypassing every cache. */
  public TokenRequest withForceRefresh() {
    return new TokenRequest(scopes, tenant, account, true, claimsChallenge);
  }

  /** The same request on behalf of {@code who}. */
  public TokenRequest forAccount(Account who) {
    return new TokenRequest(
        scopes, tenant, Objects.requireNonNull(who), forceRefresh, claimsChallenge);
  }

  /** The same request carrying a claims challenge from a resource. */
  public TokenRequest withClaimsChallenge(String claims) {
    return new TokenRequest(scopes, tenant, account, forceRefresh, Objects.requireNonNull(claims));
  }

  /** The account to act for, if one was named. */
  public Optional<Account> accountHint() {
    return Optional.ofNullable(account);
  }

  /** The claims challenge, if there is one. */
  public Optional<String> claims() {
    return Optional.ofNullable(claimsChallenge);
  }

  /** The request minus the flag that does not change which token answers it. */
  public TokenRequest cacheKey() {
    return forceRefresh ? new TokenRequest(scopes, tenant, account, false, claimsChallenge) : this;
  }

  /** The same request without a claims challenge: the token that answers it serves both. */
  public TokenRequest withoutClaims() {
    return claimsChallenge == null
        ? this
        : new TokenRequest(scopes, tenant, account, forceRefresh, null);
  }
}
