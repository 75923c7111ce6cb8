package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant that issued an access token, from its {@code tid} claim, read without verifying the
 * signature: only to name the tenant where the request could not (a managed identity asks no
 * tenant). Anything unreadable gives empty; the token itself is never quoted.
 */
final class IssuingTenant {
  private IssuingTenant() {}

  static Optional<TenantId> of(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return Json.parse(payload) instanceof Map<?, ?> claims
              && claims.get("tid") instanceof String tid
          ? Optional.of(new TenantId(tid))
          : Optional.empty();
    } catch (IllegalArgumentException | Json.MalformedJsonException unreadable) {
      return Optional.empty();
    }
  }
}
