package io.github.pbitoken.tests.entra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code POST /{tenant}/oauth2/v2.0/token}: checks the tenant, then hands over to the grant. */
final class TokenEndpoint implements Endpoint {
  private final SandboxDirectory directory;
  private final Map<String, Grant> grantsByType;

  TokenEndpoint(SandboxDirectory directory, List<Grant> grants) {
    this.directory = directory;
    this.grantsByType =
        grants.stream()
            .collect(Collectors.toUnmodifiableMap(Grant::grantType, Function.identity()));
  }

  @Override
  public Reply handle(EntraRequest request) {
    if (!"POST".equals(request.received().method())) {
      return EntraError.postOnly(request.received().method()).toReply(request);
    }
    if (directory.isInOtherCloud(request.tenantSegment())) {
      return EntraError.tenantInOtherCloud(
              request.tenantSegment(), request.baseUri().getAuthority())
          .toReply(request);
    }
    Optional<Authority> authority = Authority.resolve(request.tenantSegment(), directory);
    if (authority.isEmpty()) {
      return EntraError.tenantNotFound(request.tenantSegment()).toReply(request);
    }
    Optional<String> grantType = request.formParam("grant_type");
    if (grantType.isEmpty()) {
      return EntraError.missingParameter("grant_type").toReply(request);
    }
    Grant grant = grantsByType.get(grantType.get());
    if (grant == null) {
      return EntraError.unsupportedGrantType(grantType.get()).toReply(request);
    }
    return grant.handle(request, authority.get());
  }
}
