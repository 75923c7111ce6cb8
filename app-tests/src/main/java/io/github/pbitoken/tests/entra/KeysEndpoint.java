package io.github.pbitoken.tests.entra;

import java.net.URI;
import java.util.Optional;

/** {@code GET /{tenant}/discovery/v2.0/keys}: the JWKS holding the token-signing key. */
final class KeysEndpoint implements Endpoint {
  private final URI baseUri;
  private final SandboxDirectory directory;
  private final TokenSigner signer;

  KeysEndpoint(URI baseUri, SandboxDirectory directory, TokenSigner signer) {
    this.baseUri = baseUri;
    this.directory = directory;
    this.signer = signer;
  }

  @Override
  public Reply handle(EntraRequest request) {
    Optional<Authority> authority = Authority.resolve(request.tenantSegment(), directory);
    if (authority.isEmpty()) {
      return EntraError.tenantNotFound(request.tenantSegment()).toReply(request);
    }
    return Reply.ok(signer.keySet(OpenIdConfigurationEndpoint.issuer(baseUri, authority.get())));
  }
}
