package io.github.pbitoken.console.config;

import static io.github.pbitoken.console.config.SettingKey.CLIENT_ID;
import static io.github.pbitoken.console.config.SettingKey.MANAGED_IDENTITY_CLIENT_ID;
import static io.github.pbitoken.console.config.SettingKey.MANAGED_IDENTITY_OBJECT_ID;
import static io.github.pbitoken.console.config.SettingKey.MANAGED_IDENTITY_RESOURCE_ID;
import static io.github.pbitoken.console.config.SettingKey.TENANT_ID;

import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.msal.ManagedIdentityCredential;
import io.github.pbitoken.msal.ManagedIdentityCredential.Kind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings of {@code flow = managed-identity}: which identity (system-assigned, or user-assigned by
 * one of its ids). Tenant and client id are optional here: the host knows its identity's.
 */
final class ManagedIdentitySettings {
  /** Stands in for the client id of an identity named otherwise (messages only). */
  private static final ClientId UNNAMED = new ClientId("00000000-0000-0000-0000-000000000000");

  private static final List<SettingKey> ID_KEYS =
      List.of(MANAGED_IDENTITY_CLIENT_ID, MANAGED_IDENTITY_RESOURCE_ID, MANAGED_IDENTITY_OBJECT_ID);

  private ManagedIdentitySettings() {}

  static TenantId tenant(SettingsReader read) {
    TenantId tenant = read.optional(TENANT_ID, (c, p) -> new TenantId(c.getString(p)));
    return tenant == null ? new TenantId("organizations") : tenant;
  }

  static ClientId clientId(SettingsReader read) {
    ClientId clientId =
        read.optional(MANAGED_IDENTITY_CLIENT_ID, (c, p) -> new ClientId(c.getString(p)));
    if (clientId == null) {
      clientId = read.optional(CLIENT_ID, (c, p) -> new ClientId(c.getString(p)));
    }
    return clientId == null ? UNNAMED : clientId;
  }

  static ManagedIdentityCredential credential(SettingsReader read) {
    List<SettingKey> set = ID_KEYS.stream().filter(read::isSet).toList();
    if (set.size() > 1) {
      read.problem(
          set.get(1),
          "name the user-assigned identity one way only, but "
              + set.stream().map(SettingKey::relativePath).collect(Collectors.joining(" and "))
              + " are set");
      return null;
    }
    if (set.isEmpty()) {
      return ManagedIdentityCredential.systemAssigned();
    }
    SettingKey key = set.get(0);
    Kind kind =
        key == MANAGED_IDENTITY_CLIENT_ID
            ? Kind.USER_ASSIGNED_CLIENT_ID
            : key == MANAGED_IDENTITY_RESOURCE_ID
                ? Kind.USER_ASSIGNED_RESOURCE_ID
                : Kind.USER_ASSIGNED_OBJECT_ID;
    return read.optional(key, (c, p) -> new ManagedIdentityCredential(kind, c.getString(p)));
  }
}
