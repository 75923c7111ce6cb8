package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.TokenRequest;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * The scopes a token answers for: the requested ones (the token answers the request) plus those the
 * identity provider reports for the same resource. Reported scopes that are not URIs ({@code
 * openid}, {@code profile}, {@code offline_access}) are ignored.
 */
final class GrantedScopes {
  private GrantedScopes() {}

  /** {@code reported} is a space-separated scope list as MSAL gives it, or {@code null}. */
  static Set<Scope> of(String reported, TokenRequest request) {
    Set<Scope> scopes = new HashSet<>(request.scopes());
    if (reported == null || reported.isBlank()) {
      return scopes;
    }
    Set<URI> resources = new HashSet<>();
    request.scopes().forEach(scope -> resources.add(scope.resource()));
    for (String candidate : reported.trim().split("\\s+")) {
      try {
        Scope scope = Scope.of(candidate);
        if (resources.contains(scope.resource())) {
          scopes.add(scope);
        }
      } catch (IllegalArgumentException notAScopeUri) {
        // openid, profile, offline_access, or anything else that is not <resource>/<permission>
      }
    }
    return scopes;
  }
}
