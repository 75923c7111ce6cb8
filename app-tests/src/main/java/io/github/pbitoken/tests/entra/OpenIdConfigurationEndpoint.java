package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/**
 * {@code GET /{tenant}/v2.0/.well-known/openid-configuration}: the v2 OpenID Provider metadata,
 * with every endpoint on the emulator's host. As Entra ID does, a tenant named by domain is
 * answered with its id, and {@code common}-style aliases get the {@code {tenantid}} issuer
 * template.
 */
final class OpenIdConfigurationEndpoint implements Endpoint {
  private final URI baseUri;
  private final SandboxDirectory directory;

  OpenIdConfigurationEndpoint(URI baseUri, SandboxDirectory directory) {
    this.baseUri = baseUri;
    this.directory = directory;
  }

  /** The v2 issuer of tokens from this authority, as the metadata and JWKS publish it. */
  static String issuer(URI baseUri, Authority authority) {
    String tenant =
        authority instanceof Authority.SingleTenant single ? single.tenant().id() : "{tenantid}";
    return baseUri + "/" + tenant + "/v2.0";
  }

  @Override
  public Reply handle(EntraRequest request) {
    Optional<Authority> authority = Authority.resolve(request.tenantSegment(), directory);
    if (authority.isEmpty()) {
      return EntraError.tenantNotFound(request.tenantSegment()).toReply(request);
    }
    String base = baseUri + "/" + authority.get().pathSegment();
    ObjectNode metadata = Json.object();
    metadata.put("token_endpoint", base + "/oauth2/v2.0/token");
    metadata
        .putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_post")
        .add("private_key_jwt")
        .add("client_secret_basic");
    metadata.put("jwks_uri", base + "/discovery/v2.0/keys");
    metadata.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
    metadata.putArray("subject_types_supported").add("pairwise");
    metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
    metadata
        .putArray("response_types_supported")
        .add("code")
        .add("id_token")
        .add("code id_token")
        .add("id_token token");
    metadata
        .putArray("scopes_supported")
        .add("openid")
        .add("profile")
        .add("email")
        .add("offline_access");
    metadata.put("issuer", issuer(baseUri, authority.get()));
    metadata.put("request_uri_parameter_supported", false);
    metadata.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    metadata.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
    metadata.put("http_logout_supported", true);
    metadata.put("frontchannel_logout_supported", true);
    metadata.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
    metadata
        .putArray("claims_supported")
        .add("sub")
        .add("iss")
        .add("aud")
        .add("exp")
        .add("iat")
        .add("auth_time")
        .add("acr")
        .add("nonce")
        .add("preferred_username")
        .add("name")
        .add("tid")
        .add("ver")
        .add("at_hash")
        .add("c_hash")
        .add("email");
    metadata.put("tenant_region_scope", "NA");
    metadata.put("cloud_instance_name", "microsoftonline.com");
    metadata.put("cloud_graph_host_name", "graph.windows.net");
    metadata.put("msgraph_host", "graph.microsoft.com");
    return Reply.ok(metadata);
  }
}
