package io.github.pbitoken.msal;

/**
 * The Azure host's managed identity instead of an app credential: system-assigned when no id is
 * given, else the user-assigned identity named by its client id, its Azure resource id or its
 * object (principal) id. The host's endpoint comes from its environment ({@code IDENTITY_ENDPOINT}
 * and {@code IDENTITY_HEADER} on App Service and Functions, IMDS on virtual machines).
 *
 * @param kind which identity, and how it is named
 * @param id the user-assigned identity's id, or {@code null} for the system-assigned one
 */
public record ManagedIdentityCredential(Kind kind, String id) implements ClientCredential {
  /** How the identity is named. */
  public enum Kind {
    SYSTEM_ASSIGNED,
    USER_ASSIGNED_CLIENT_ID,
    USER_ASSIGNED_RESOURCE_ID,
    USER_ASSIGNED_OBJECT_ID
  }

  public ManagedIdentityCredential {
    if (kind == null) {
      throw new IllegalArgumentException("managed identity kind must not be null");
    }
    if ((kind == Kind.SYSTEM_ASSIGNED) != (id == null || id.isBlank())) {
      throw new IllegalArgumentException(
          "a system-assigned identity has no id; a user-assigned one needs its id");
    }
    id = id == null ? null : id.trim();
  }

  public static ManagedIdentityCredential systemAssigned() {
    return new ManagedIdentityCredential(Kind.SYSTEM_ASSIGNED, null);
  }
}
