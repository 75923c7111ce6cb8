package io.github.pbitoken.core.port.out;

import io.github.pbitoken.core.domain.TenantDiscovery;
import java.io.IOException;

/**
 * Asks the identity provider about the configured tenant without signing in, through the same
 * network path (trust, proxy, timeouts) as sign-in: for {@code pbi-token doctor}.
 */
public interface IdentityProviderProbe {
  /**
   * Fetches the tenant's OpenID configuration.
   *
   * @throws IOException when the authority host cannot be reached (name, connection, TLS, timeout)
   */
  TenantDiscovery discoverTenant() throws IOException;
}
