package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code grant_type=client_credentials}: an app-only token for one resource's {@code /.default},
 * checked in Entra ID's order: tenant, app, credential, scope, resource.
 */
final class ClientCredentialsGrant implements Grant {
  private final SandboxDirectory directory;
  private final AccessTokenIssuer issuer;
  private final Supplier<Duration> tokenLifetime;
  private final ClientAssertionVerifier assertions;

  ClientCredentialsGrant(
      SandboxDirectory directory,
      AccessTokenIssuer issuer,
      Supplier<Duration> tokenLifetime,
      ClientAssertionVerifier assertions) {
    this.directory = directory;
    this.issuer = issuer;
    this.tokenLifetime = tokenLifetime;
    this.assertions = assertions;
  }

  @Override
  public String grantType() {
    return "client_credentials";
  }

  @Override
  public Reply handle(EntraRequest request, Authority authority) {
    if (!(authority instanceof Authority.SingleTenant single)) {
      return EntraError.noTenantInformation().toReply(request);
    }
    Tenant tenant = single.tenant();
    ClientAuthentication client = ClientAuthentication.of(request);
    if (client.clientId() == null) {
      return EntraError.missingParameter("client_id").toReply(request);
    }
    Optional<AppRegistration> app = directory.findApp(tenant.id(), client.clientId());
    if (app.isEmpty()) {
      return EntraError.applicationNotFound(client.clientId(), tenant).toReply(request);
    }
    Optional<EntraError> rejected = client.verify(app.get(), true, assertions, request);
    if (rejected.isPresent()) {
      return rejected.get().toReply(request);
    }
    Optional<String> scope = request.formParam("scope");
    if (scope.isEmpty()) {
      return EntraError.missingParameter("scope").toReply(request);
    }
    RequestedScopes scopes = RequestedScopes.parse(scope.get());
    Optional<EntraError> invalidScope = checkAppOnlyScope(scopes, tenant);
    if (invalidScope.isPresent()) {
      return invalidScope.get().toReply(request);
    }
    String resource = scopes.resources().iterator().next();
    Duration lifetime = tokenLifetime.get();
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime.toSeconds());
    body.put("ext_expires_in", lifetime.toSeconds());
    body.put(
        "access_token",
        issuer.appToken(
            tenant,
            app.get(),
            resource,
            lifetime,
            client.clientAssertion() == null
                ? AccessTokenIssuer.AUTHENTICATED_WITH_SECRET
                : AccessTokenIssuer.AUTHENTICATED_WITH_CERTIFICATE));
    return Reply.ok(body);
  }

  private Optional<EntraError> checkAppOnlyScope(RequestedScopes scopes, Tenant tenant) {
    if (scopes.resources().isEmpty()) {
      return Optional.of(EntraError.appOnlyScopeNotDefault(scopes.raw()));
    }
    if (scopes.resources().size() > 1) {
      return Optional.of(EntraError.moreThanOneResource(scopes.raw()));
    }
    String resource = scopes.resources().iterator().next();
    Set<String> permissions = scopes.permissionsByResource().get(resource);
    for (String permission : permissions) {
      if (!RequestedScopes.DEFAULT_PERMISSION.equals(permission)) {
        return Optional.of(EntraError.appOnlyScopeNotDefault(resource + "/" + permission));
      }
    }
    if (!directory.isKnownResource(resource)) {
      return Optional.of(EntraError.resourceNotFound(resource, tenant));
    }
    return Optional.empty();
  }
}
