package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.TenantId;

/**
 * The instance-discovery answer MSAL would otherwise fetch from {@code
 * https://login.microsoftonline.com/common/discovery/instance} before its first token request:
 * handed to {@code aadInstanceDiscoveryResponse(...)} so a fresh token costs exactly one HTTP
 * request, for the known clouds and for a custom {@code host:port} (the local Entra ID emulator)
 * alike.
 *
 * <p>The metadata names the configured host as the network host and the cache environment. With a
 * port, the cache environment and the aliases also carry {@code host:port}: MSAL4J 1.26.1 stores
 * tokens under the host but looks them up under {@code host:port}, so without this a cached
 * client-credentials token is never found (MSAL4J-FACTS.md, "port bug").
 *
 * <p>MSAL keeps this metadata in JVM-wide static state keyed by host name (without port): one
 * authority port per host name per JVM.
 */
final class InstanceDiscovery {
  private InstanceDiscovery() {}

  /**
   * The discovery response for {@code authorityHost} ({@code host} or {@code host:port}), as JSON.
   */
  static String responseFor(String authorityHost, TenantId tenant) {
    String host = hostOf(authorityHost);
    boolean hasPort = !host.equals(authorityHost);
    String aliases =
        hasPort ? Json.quote(host) + "," + Json.quote(authorityHost) : Json.quote(authorityHost);
    return "{\"tenant_discovery_endpoint\":"
        + Json.quote(
            "https://"
                + authorityHost
                + "/"
                + tenant.value()
                + "/v2.0/.well-known/openid-configuration")
        + ",\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":"
        + Json.quote(host)
        + ",\"preferred_cache\":"
        + Json.quote(authorityHost)
        + ",\"aliases\":["
        + aliases
        + "]}]}";
  }

  /** {@code host:port} without the port; {@code host} as is. */
  static String hostOf(String authorityHost) {
    int colon = authorityHost.lastIndexOf(':');
    boolean ipv6Literal = authorityHost.startsWith("[") && authorityHost.endsWith("]");
    return colon < 0 || ipv6Literal ? authorityHost : authorityHost.substring(0, colon);
  }
}
