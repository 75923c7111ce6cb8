package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which certificate authorities the adapter trusts: the JDK's default trust store, plus the CA
 * certificates of an optional PEM bundle or PKCS#12 trust store (a corporate TLS-inspection CA, or
 * the local Entra ID emulator's test CA).
 *
 * <p>Verification is never turned off: a server certificate must chain to one of the two sets of
 * anchors, and the host name is checked as usual. The bundle is read once, when the adapter is
 * built; a bundle that is missing, unreadable or holds no certificate is an {@link
 * IllegalArgumentException} naming the file.
 */
final class TrustBundle {
  private TrustBundle() {}

  /** The socket factory for connections to the identity provider. */
  static SSLSocketFactory socketFactory(Optional<Path> bundle) {
    return socketFactory(bundle, null);
  }

  /**
   * The socket factory trusting the JDK's CAs and those in {@code bundle}: a PEM file, or a PKCS#12
   * trust store opened with {@code password} (may be null).
   */
  static SSLSocketFactory socketFactory(Optional<Path> bundle, Secret password) {
    if (bundle.isEmpty()) {
      return HttpsURLConnection.getDefaultSSLSocketFactory();
    }
    Path file = bundle.get();
    List<X509Certificate> extraCas = certificates(file, password);
    try {
      X509ExtendedTrustManager jdkDefault = trustManager(null);
      X509ExtendedTrustManager extra = trustManager(keyStoreOf(extraCas));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new EitherTrustManager(jdkDefault, extra)}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "trust bundle " + file + " could not be turned into a trust store: " + e.getMessage(), e);
    }
  }

  /**
   * The CA certificates of a PEM bundle or a PKCS#12 trust store (opened with {@code password}, may
   * be null); at least one, or an {@link IllegalArgumentException} naming the file and the fix.
   */
  static List<X509Certificate> certificates(Path file, Secret password) {
    return isPem(file) ? readCertificates(file) : Pkcs12TrustStore.readCertificates(file, password);
  }

  private static boolean isPem(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String start = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.ISO_8859_1);
      return start.contains("-----BEGIN") || start.isBlank() || isText(start);
    } catch (IOException e) {
      return true; // readCertificates reports the unreadable file
    }
  }

  /** Text (a broken PEM file) gets the PEM messages; binary is taken for PKCS#12. */
  private static boolean isText(String start) {
    return start.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || (c >= 32 && c < 127));
  }

  /** The X.509 certificates in a PEM file; at least one. */
  static List<X509Certificate> readCertificates(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "trust bundle " + file + " does not exist or is not a file");
    }
    Collection<? extends java.security.cert.Certificate> read;
    try (InputStream in = Files.newInputStream(file)) {
      read = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "trust bundle " + file + " cannot be read: " + e.getMessage(), e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "trust bundle "
              + file
              + " must hold PEM-encoded X.509 certificates (-----BEGIN CERTIFICATE-----)",
          e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (java.security.cert.Certificate certificate : read) {
      if (certificate instanceof X509Certificate x509) {
        certificates.add(x509);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          "trust bundle "
              + file
              + " holds no certificate: it must hold PEM-encoded X.509 CA certificates"
              + " (-----BEGIN CERTIFICATE-----)");
    }
    return List.copyOf(certificates);
  }

  private static KeyStore keyStoreOf(List<X509Certificate> certificates)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (int i = 0; i < certificates.size(); i++) {
      store.setCertificateEntry("trust-bundle-" + i, certificates.get(i));
    }
    return store;
  }

  /** The PKIX trust manager for {@code store}, or for the JDK's default store when null. */
  private static X509ExtendedTrustManager trustManager(KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager available");
  }

  /**
   * Trusts a server if either the JDK's trust manager or the bundle's does. Each delegate checks
   * the chain and, given the socket or engine, the host name: nothing is skipped.
   */
  private static final class EitherTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager first;
    private final X509ExtendedTrustManager second;

    EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
      this.first = first;
      this.second = second;
    }

    private interface Check {
      void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void either(Check check) throws CertificateException {
      try {
        check.run(first);
      } catch (CertificateException firstFailure) {
        try {
          check.run(second);
        } catch (CertificateException secondFailure) {
          firstFailure.addSuppressed(secondFailure);
          throw firstFailure;
        }
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      either(manager -> manager.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      either(manager -> manager.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      either(manager -> manager.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      either(manager -> manager.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      either(manager -> manager.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      either(manager -> manager.checkClientTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      X509Certificate[] a = first.getAcceptedIssuers();
      X509Certificate[] b = second.getAcceptedIssuers();
      X509Certificate[] all = new X509Certificate[a.length + b.length];
      System.arraycopy(a, 0, all, 0, a.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }
}
