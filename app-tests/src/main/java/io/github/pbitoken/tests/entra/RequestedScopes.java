package io.github.pbitoken.tests.entra;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code scope} parameter split as Entra ID reads it: OpenID Connect scopes apart, every other
 * scope as resource + permission ({@code https://analysis.windows.net/powerbi/api/.default} is
 * resource {@code https://analysis.windows.net/powerbi/api}, permission {@code .default}). A bare
 * permission such as {@code User.Read} belongs to Microsoft Graph.
 */
record RequestedScopes(String raw, Map<String, Set<String>> permissionsByResource) {
  static final String DEFAULT_PERMISSION = ".default";
  private static final Set<String> OIDC_SCOPES =
      Set.of("openid", "profile", "offline_access", "email");
  private static final String GRAPH = "https://graph.microsoft.com";

  RequestedScopes {
    Objects.requireNonNull(raw, "raw must not be null");
    permissionsByResource = Map.copyOf(permissionsByResource);
  }

  static RequestedScopes parse(String scopeParameter) {
    Map<String, Set<String>> permissionsByResource = new LinkedHashMap<>();
    for (String scope : scopeParameter.trim().split("\\s+")) {
      if (scope.isEmpty() || OIDC_SCOPES.contains(scope)) {
        continue;
      }
      int slash = scope.lastIndexOf('/');
      String resource = slash < 0 ? GRAPH : scope.substring(0, slash);
      String permission = scope.substring(slash + 1);
      permissionsByResource.computeIfAbsent(resource, any -> new LinkedHashSet<>()).add(permission);
    }
    return new RequestedScopes(scopeParameter, permissionsByResource);
  }

  Set<String> resources() {
    return permissionsByResource.keySet();
  }
}
