package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Maps each {@link ClientCredential} to MSAL4J's credential. */
final class MsalCredentials {
  /**
   * The credential kinds the adapters serve (a test checks that this is every permitted subtype):
   * all here, except managed identity, which has its own MSAL application.
   */
  static final Set<Class<? extends ClientCredential>> SUPPORTED =
      Set.of(
          ClientSecretCredential.class,
          ClientCertificateCredential.class,
          FederatedTokenFileCredential.class,
          ClientAssertionCredential.class,
          ManagedIdentityCredential.class);

  private MsalCredentials() {}

  static IClientCredential of(ClientCredential credential) {
    if (credential instanceof ClientSecretCredential secret) {
      return ClientCredentialFactory.createFromSecret(secret.secret().reveal());
    }
    if (credential instanceof ClientCertificateCredential certificate) {
      return certificate.chain().size() == 1
          ? ClientCredentialFactory.createFromCertificate(
              certificate.privateKey(), certificate.certificate())
          : ClientCredentialFactory.createFromCertificateChain(
              certificate.privateKey(), certificate.chain());
    }
    if (credential instanceof FederatedTokenFileCredential file) {
      // MSAL calls this once per network request, never for a cached token: rotation just works.
      return ClientCredentialFactory.createFromCallback(() -> readAssertion(file.tokenFile()));
    }
    if (credential instanceof ClientAssertionCredential assertion) {
      return ClientCredentialFactory.createFromClientAssertion(assertion.assertion().reveal());
    }
    // ManagedIdentityCredential is served by MsalManagedIdentityAcquirer, not a confidential client
    throw new IllegalArgumentException(
        "unsupported client credential " + credential.getClass().getSimpleName());
  }

  /** Whether the assertion carries the certificate chain ({@code x5c}); MSAL's default is yes. */
  static boolean sendsCertificateChain(ClientCredential credential) {
    return credential instanceof ClientCertificateCredential certificate
        && certificate.sendCertificateChain();
  }

  static String readAssertion(Path file) throws IOException {
    String assertion;
    try {
      assertion = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new CredentialFileException(
          "federated token file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")",
          e);
    }
    if (assertion.isEmpty()) {
      throw new CredentialFileException("federated token file " + file + " is empty", null);
    }
    return assertion;
  }
}
