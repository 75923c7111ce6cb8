package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An Azure App Service managed-identity endpoint ({@code IDENTITY_ENDPOINT}, API version
 * 2019-08-01): {@code GET ?api-version=2019-08-01&resource=R} with the {@code X-IDENTITY-HEADER}
 * secret; {@code client_id}, {@code mi_res_id} or {@code principal_id}/{@code object_id} pick a
 * user-assigned identity. Answers a v1 token for the resource with {@code expires_on}.
 */
final class ManagedIdentityEndpoint implements Endpoint {
  private final SandboxDirectory directory;
  private final AccessTokenIssuer issuer;
  private final Supplier<Duration> tokenLifetime;
  private final Clock clock;

  ManagedIdentityEndpoint(
      SandboxDirectory directory,
      AccessTokenIssuer issuer,
      Supplier<Duration> tokenLifetime,
      Clock clock) {
    this.directory = directory;
    this.issuer = issuer;
    this.tokenLifetime = tokenLifetime;
    this.clock = clock;
  }

  @Override
  public Reply handle(EntraRequest request) {
    if (!ManagedIdentities.IDENTITY_HEADER.equals(
        request.received().header("x-identity-header").orElse(""))) {
      return error(401, "the X-IDENTITY-HEADER is missing or wrong");
    }
    if (!"2019-08-01".equals(request.queryParam("api-version").orElse(""))) {
      return error(400, "api-version must be 2019-08-01");
    }
    Optional<String> resource = request.queryParam("resource");
    if (resource.isEmpty() || !directory.isKnownResource(resource.get())) {
      return error(400, "unknown or missing resource");
    }
    Optional<ManagedIdentities.Identity> identity = identityOf(request);
    if (identity.isEmpty()) {
      return error(400, "no managed identity with that id is assigned to this host");
    }
    Tenant tenant = directory.findTenant(SandboxDirectory.TENANT_ID).orElseThrow();
    AppRegistration principal =
        new AppRegistration(
            tenant.id(),
            identity.get().clientId(),
            identity.get().name(),
            identity.get().objectId(),
            java.util.List.of());
    Duration lifetime = tokenLifetime.get();
    ObjectNode body = Json.object();
    body.put(
        "access_token",
        issuer.appToken(
            tenant,
            principal,
            resource.get(),
            lifetime,
            AccessTokenIssuer.AUTHENTICATED_WITH_CERTIFICATE));
    body.put("expires_on", String.valueOf(clock.instant().plus(lifetime).getEpochSecond()));
    body.put("resource", resource.get());
    body.put("token_type", "Bearer");
    body.put("client_id", identity.get().clientId());
    return Reply.ok(body);
  }

  private static Optional<ManagedIdentities.Identity> identityOf(EntraRequest request) {
    Optional<String> clientId = request.queryParam("client_id");
    Optional<String> resourceId = request.queryParam("mi_res_id");
    Optional<String> objectId =
        request.queryParam("principal_id").or(() -> request.queryParam("object_id"));
    if (clientId.isEmpty() && resourceId.isEmpty() && objectId.isEmpty()) {
      return Optional.of(ManagedIdentities.SYSTEM_ASSIGNED);
    }
    ManagedIdentities.Identity user = ManagedIdentities.USER_ASSIGNED;
    boolean matches =
        clientId.map(user.clientId()::equalsIgnoreCase).orElse(true)
            && resourceId.map(user.resourceId()::equalsIgnoreCase).orElse(true)
            && objectId.map(user.objectId()::equalsIgnoreCase).orElse(true);
    return matches ? Optional.of(user) : Optional.empty();
  }

  private static Reply error(int status, String message) {
    ObjectNode body = Json.object();
    body.put("statusCode", status);
    body.put("message", message);
    return Reply.json(status, body, Map.of());
  }
}
