package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate: the private key that signs the client assertion and its certificate chain
 * (leaf first), whose thumbprint Entra ID matches against the app registration. With {@code
 * sendCertificateChain} the chain travels in the assertion's {@code x5c} header (subject name and
 * issuer authentication).
 */
public record ClientCertificateCredential(
    PrivateKey privateKey, List<X509Certificate> chain, boolean sendCertificateChain)
    implements ClientCredential {

  public ClientCertificateCredential {
    Objects.requireNonNull(privateKey, "private key must not be null");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("certificate chain must hold at least the certificate");
    }
  }

  /**
   * Reads a PEM file (PKCS#8 private key, plain or encrypted, and the certificate chain) or a
   * PKCS#12 file, and checks it at {@code now}: readable, password right, certificate valid, key
   * belonging to the certificate.
   *
   * @param password the file's or the key's password, or {@code null} for none
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static ClientCertificateCredential fromFile(
      Path file, Secret password, boolean sendCertificateChain, Instant now) {
    Objects.requireNonNull(file, "certificate file must not be null");
    Objects.requireNonNull(now, "now must not be null");
    return CertificateFileReader.read(file, password, sendCertificateChain, now);
  }

  /** The leaf certificate, the one registered with the app. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "ClientCertificateCredential[subject="
        + certificate().getSubjectX500Principal().getName()
        + ", sendCertificateChain="
        + sendCertificateChain
        + ", private key redacted]";
  }
}
