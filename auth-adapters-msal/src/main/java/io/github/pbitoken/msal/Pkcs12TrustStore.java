package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The CA certificates of a PKCS#12 trust store (as {@code keytool -importcert -storetype PKCS12}
 * makes it): every trusted-certificate entry. Problems are {@link IllegalArgumentException}s naming
 * the file.
 */
final class Pkcs12TrustStore {
  private Pkcs12TrustStore() {}

  static List<X509Certificate> readCertificates(Path file, Secret password) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "trust store " + file + " does not exist or is not a file");
    }
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password == null ? null : password.reveal().toCharArray());
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException(
            "trust store "
                + file
                + ": the password does not open it (wrong trust-store-password?)");
      }
      throw new IllegalArgumentException(
          "trust store "
              + file
              + " is neither a PEM bundle (-----BEGIN CERTIFICATE-----) nor a readable PKCS#12 file");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "trust store " + file + " is not a readable PKCS#12 file: " + e.getMessage());
    }
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (store.isCertificateEntry(alias) && certificate instanceof X509Certificate x509) {
          certificates.add(x509);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "trust store " + file + " cannot be read: " + e.getMessage());
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          "trust store "
              + file
              + " holds no trusted certificate"
              + (password == null ? " (is it protected? set trust-store-password)" : ""));
    }
    return List.copyOf(certificates);
  }
}
