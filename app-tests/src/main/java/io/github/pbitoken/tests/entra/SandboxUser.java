package io.github.pbitoken.tests.entra;

import java.util.Locale;
import java.util.Objects;

/** A work account in a sandbox tenant, for the user flows (password, device code, interactive). */
public record SandboxUser(
    String tenantId, String username, String password, String objectId, String displayName) {

  public SandboxUser {
    tenantId = Ids.requireGuid(tenantId, "tenantId");
    Objects.requireNonNull(username, "username must not be null");
    if (!username.contains("@")) {
      throw new IllegalArgumentException(
          "username must be a UPN like alice@contoso.onmicrosoft.com, was '" + username + "'");
    }
    username = username.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(password, "password must not be null");
    objectId = Ids.requireGuid(objectId, "objectId");
    Objects.requireNonNull(displayName, "displayName must not be null");
  }

  @Override
  public String toString() {
    return "SandboxUser[tenantId="
        + tenantId
        + ", username="
        + username
        + ", password=redacted, objectId="
        + objectId
        + ", displayName="
        + displayName
        + "]";
  }
}
