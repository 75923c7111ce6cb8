package io.github.pbitoken.tests.entra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * An application as a tenant sees it: its client id, the object id of its service principal in that
 * tenant, and its client secrets. An app without secrets is a public client.
 */
public record AppRegistration(
    String tenantId,
    String clientId,
    String displayName,
    String servicePrincipalId,
    List<String> clientSecrets) {

  public AppRegistration {
    tenantId = Ids.requireGuid(tenantId, "tenantId");
    clientId = Ids.requireGuid(clientId, "clientId");
    Objects.requireNonNull(displayName, "displayName must not be null");
    servicePrincipalId = Ids.requireGuid(servicePrincipalId, "servicePrincipalId");
    clientSecrets = List.copyOf(clientSecrets);
    if (clientSecrets.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("clientSecrets must not contain a blank secret");
    }
  }

  /** A confidential client with one secret; its service principal id is derived from the ids. */
  public static AppRegistration confidentialClient(
      String tenantId, String clientId, String displayName, String clientSecret) {
    return new AppRegistration(
        tenantId,
        clientId,
        displayName,
        Ids.derivedGuid(tenantId, clientId),
        List.of(clientSecret));
  }

  /** A public client (no secret); its service principal id is derived from the ids. */
  public static AppRegistration publicClient(String tenantId, String clientId, String displayName) {
    return new AppRegistration(
        tenantId, clientId, displayName, Ids.derivedGuid(tenantId, clientId), List.of());
  }

  public boolean isPublicClient() {
    return clientSecrets.isEmpty();
  }

  /** Compares in constant time, as a real identity provider would. */
  public boolean acceptsSecret(String candidate) {
    byte[] candidateBytes = candidate.getBytes(StandardCharsets.UTF_8);
    boolean accepted = false;
    for (String secret : clientSecrets) {
      accepted |= MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), candidateBytes);
    }
    return accepted;
  }

  @Override
  public String toString() {
    return "AppRegistration[tenantId="
        + tenantId
        + ", clientId="
        + clientId
        + ", displayName="
        + displayName
        + ", servicePrincipalId="
        + servicePrincipalId
        + ", clientSecrets="
        + clientSecrets.size()
        + " redacted]";
  }
}
