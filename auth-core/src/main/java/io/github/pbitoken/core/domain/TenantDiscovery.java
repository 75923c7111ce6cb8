package io.github.pbitoken.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What the authority host answered when asked for a tenant's OpenID configuration: whether the
 * tenant exists in that cloud, and the server's clock.
 *
 * @param httpStatus the HTTP status of the answer
 * @param errorCode the {@code AADSTS} code of an error answer (e.g. {@code AADSTS90002}), or {@code
 *     null}
 * @param serverTime the answer's {@code Date} header, or {@code null} when it had none
 */
public record TenantDiscovery(int httpStatus, String errorCode, Instant serverTime) {
  /** Entra ID's "tenant not found": the tenant does not exist in this cloud. */
  public static final String TENANT_NOT_FOUND = "AADSTS90002";

  public TenantDiscovery {
    if (httpStatus < 100 || httpStatus > 599) {
      throw new IllegalArgumentException("http status must be 100..599, was " + httpStatus);
    }
  }

  public boolean tenantFound() {
    return httpStatus == 200;
  }

  public boolean tenantNotFound() {
    return TENANT_NOT_FOUND.equals(errorCode);
  }

  public Optional<Instant> serverClock() {
    return Optional.ofNullable(serverTime);
  }
}
