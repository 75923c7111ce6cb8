package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The success body of every user grant (device code, refresh token, password, authorization code):
 * a delegated access token, a refresh token, an {@code id_token} and {@code client_info}: the last
 * two are what MSAL needs to create an account it can later use silently.
 */
final class UserTokenResponse {
  private final SandboxDirectory directory;
  private final AccessTokenIssuer issuer;
  private final UserSessions sessions;
  private final Supplier<Duration> tokenLifetime;

  UserTokenResponse(
      SandboxDirectory directory,
      AccessTokenIssuer issuer,
      UserSessions sessions,
      Supplier<Duration> tokenLifetime) {
    this.directory = directory;
    this.issuer = issuer;
    this.sessions = sessions;
    this.tokenLifetime = tokenLifetime;
  }

  /** The app a user signs in to: looked up in the user's tenant, or an error to send. */
  static Optional<EntraError> checkPublicClient(
      SandboxDirectory directory, String tenantId, String clientId) {
    if (clientId == null) {
      return Optional.of(EntraError.missingParameter("client_id"));
    }
    Optional<AppRegistration> app = directory.findApp(tenantId, clientId);
    if (app.isEmpty()) {
      Tenant tenant = directory.findTenant(tenantId).orElseThrow();
      return Optional.of(EntraError.applicationNotFound(clientId, tenant));
    }
    if (!app.get().isPublicClient()) {
      return Optional.of(EntraError.clientCredentialMissing());
    }
    return Optional.empty();
  }

  /** Tokens for {@code user} in app {@code clientId}, for the requested {@code scope}. */
  Reply issue(EntraRequest request, SandboxUser user, String clientId, String scope) {
    RequestedScopes scopes = RequestedScopes.parse(scope == null ? "" : scope);
    if (scopes.resources().size() != 1) {
      return (scopes.resources().isEmpty()
              ? EntraError.appOnlyScopeNotDefault(scopes.raw())
              : EntraError.moreThanOneResource(scopes.raw()))
          .toReply(request);
    }
    String resource = scopes.resources().iterator().next();
    Tenant tenant = directory.findTenant(user.tenantId()).orElseThrow();
    if (!directory.isKnownResource(resource)) {
      return EntraError.resourceNotFound(resource, tenant).toReply(request);
    }
    AppRegistration app = directory.findApp(user.tenantId(), clientId).orElseThrow();
    Duration lifetime = tokenLifetime.get();
    String permissions = String.join(" ", scopes.permissionsByResource().get(resource));
    String grantedScopes =
        scopes.permissionsByResource().get(resource).stream()
            .map(permission -> resource + "/" + permission)
            .reduce((a, b) -> a + " " + b)
            .orElse(resource + "/.default");
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("scope", grantedScopes);
    body.put("expires_in", lifetime.toSeconds());
    body.put("ext_expires_in", lifetime.toSeconds());
    body.put(
        "access_token",
        issuer.userToken(tenant, app, user, resource, permissionsOf(permissions), lifetime));
    body.put(
        "refresh_token",
        sessions.issueRefreshToken(
            new UserSessions.Grant(user.username(), clientId, user.tenantId())));
    body.put("id_token", issuer.idToken(tenant, app, user));
    body.put("client_info", clientInfo(user));
    return Reply.ok(body);
  }

  /** For {@code .default}, the delegated permissions the sandbox app was consented to. */
  private static String permissionsOf(String requested) {
    return requested.equals(RequestedScopes.DEFAULT_PERMISSION)
        ? "Dataset.ReadWrite.All Workspace.Read.All"
        : requested;
  }

  private static String clientInfo(SandboxUser user) {
    String json = "{\"uid\":\"" + user.objectId() + "\",\"utid\":\"" + user.tenantId() + "\"}";
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
