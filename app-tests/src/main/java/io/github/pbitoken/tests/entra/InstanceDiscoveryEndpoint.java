package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * {@code GET /common/discovery/instance}: tells a client which host names are one authority. The
 * emulator answers for {@code localhost:PORT}, the shape MSAL4J needs to cache tokens correctly on
 * a port other than 443.
 */
final class InstanceDiscoveryEndpoint implements Endpoint {
  private final URI baseUri;

  InstanceDiscoveryEndpoint(URI baseUri) {
    this.baseUri = baseUri;
  }

  /** The answer for an authority in {@code tenant}, also usable as MSAL4J's offline response. */
  static ObjectNode discoveryDocument(URI baseUri, String tenant) {
    String hostAndPort = baseUri.getHost() + ":" + baseUri.getPort();
    ObjectNode document = Json.object();
    document.put(
        "tenant_discovery_endpoint",
        baseUri + "/" + tenant + "/v2.0/.well-known/openid-configuration");
    document.put("api-version", "1.1");
    ObjectNode metadata = document.putArray("metadata").addObject();
    metadata.put("preferred_network", baseUri.getHost());
    metadata.put("preferred_cache", hostAndPort);
    metadata.putArray("aliases").add(baseUri.getHost()).add(hostAndPort);
    return document;
  }

  @Override
  public Reply handle(EntraRequest request) {
    Optional<String> authorizationEndpoint = request.queryParam("authorization_endpoint");
    if (authorizationEndpoint.isEmpty()) {
      return EntraError.missingParameter("authorization_endpoint").toReply(request);
    }
    Optional<URI> endpoint = parse(authorizationEndpoint.get());
    if (endpoint.isEmpty() || !isThisHost(endpoint.get())) {
      return EntraError.unknownInstance().toReply(request);
    }
    String path = endpoint.get().getPath() == null ? "" : endpoint.get().getPath();
    String tenant = path.replaceFirst("^/", "").split("/", -1)[0];
    return Reply.ok(discoveryDocument(baseUri, tenant.isEmpty() ? "common" : tenant));
  }

  private boolean isThisHost(URI endpoint) {
    boolean sameHost =
        baseUri.getHost().equalsIgnoreCase(endpoint.getHost())
            || "127.0.0.1".equals(endpoint.getHost());
    int port = endpoint.getPort() == -1 ? 443 : endpoint.getPort();
    return sameHost && port == baseUri.getPort() && "https".equalsIgnoreCase(endpoint.getScheme());
  }

  private static Optional<URI> parse(String text) {
    try {
      return Optional.of(new URI(text)).filter(uri -> uri.getHost() != null);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
