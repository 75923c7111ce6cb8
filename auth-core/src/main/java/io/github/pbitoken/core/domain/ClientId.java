package io.github.pbitoken.core.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The application (client) id of an Entra ID app registration: a GUID. */
public record ClientId(String value) {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * The Azure CLI's public client, which azure-identity also signs users in with when no app is
   * configured. Fine for trying things; production use should register its own app.
   */
  public static final ClientId AZURE_CLI = new ClientId("04b07795-8ddb-461a-bbee-02f9e1bf7b46");

  public ClientId {
    Objects.requireNonNull(value, "client id must not be null");
    value = value.trim().toLowerCase(Locale.ROOT);
    if (!GUID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "client id must be the app registration's Application (client) ID, a GUID such as"
              + " 00000000-0000-0000-0000-000000000000, was '"
              + value
              + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
