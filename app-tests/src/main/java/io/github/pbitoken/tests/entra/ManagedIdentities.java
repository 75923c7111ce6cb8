package io.github.pbitoken.tests.entra;

import java.net.URI;

/**
 * The managed identities of the emulator's pretend Azure host: one system-assigned and one
 * user-assigned identity in the sandbox tenant, served App Service style at {@link #endpoint}.
 */
public final class ManagedIdentities {
  /** What a managed identity is known by. */
  public record Identity(String name, String clientId, String objectId, String resourceId) {}

  /** The value App Service puts in {@code IDENTITY_HEADER}: the endpoint requires it. */
  public static final String IDENTITY_HEADER = "sbx-identity-header-0000";

  public static final Identity SYSTEM_ASSIGNED =
      new Identity(
          "sandbox web app (system-assigned)",
          "00000000-0000-0000-0000-0000000000e1",
          "00000000-0000-0000-0000-0000000000f1",
          null);

  public static final Identity USER_ASSIGNED =
      new Identity(
          "pbi-pusher (user-assigned)",
          "00000000-0000-0000-0000-0000000000e2",
          "00000000-0000-0000-0000-0000000000f2",
          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/sandbox/providers"
              + "/Microsoft.ManagedIdentity/userAssignedIdentities/pbi-pusher");

  /** The path under the emulator's base URI; its first segment is free (routes need one). */
  static final String PATH = "/app-service/msi/token";

  private ManagedIdentities() {}

  /** {@code IDENTITY_ENDPOINT} for the emulator at {@code baseUri}. */
  public static URI endpoint(URI baseUri) {
    return URI.create(baseUri + PATH);
  }
}
