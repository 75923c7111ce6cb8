package io.github.pbitoken.tests.entra;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The emulator's private PKI, made fresh at every start: a CA that clients trust explicitly and a
 * {@code localhost} server certificate it issued. The CA key never leaves this object.
 */
final class TlsMaterial {
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);
  private static final Duration VALIDITY = Duration.ofDays(30);
  private static final char[] IN_MEMORY_KEYSTORE_PASSWORD = "in-memory".toCharArray();

  private final X509Certificate caCertificate;
  private final SSLContext serverContext;
  private final SSLContext clientContext;

  private TlsMaterial(
      X509Certificate caCertificate, SSLContext serverContext, SSLContext clientContext) {
    this.caCertificate = caCertificate;
    this.serverContext = serverContext;
    this.clientContext = clientContext;
  }

  static TlsMaterial generate(Instant now) {
    Instant notBefore = now.minus(CLOCK_SKEW);
    Instant notAfter = now.plus(VALIDITY);
    KeyPair caKeys = Certificates.ecKeyPair();
    X509Certificate ca =
        Certificates.certificateAuthority(
            caKeys, "pbi-token Entra ID emulator CA", notBefore, notAfter);
    KeyPair serverKeys = Certificates.ecKeyPair();
    X509Certificate server =
        Certificates.localhostServerCertificate(
            serverKeys, ca, caKeys.getPrivate(), notBefore, notAfter);
    try {
      return new TlsMaterial(ca, serverContext(serverKeys, server, ca), trustingOnly(ca));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not set up TLS for the emulator", e);
    }
  }

  X509Certificate caCertificate() {
    return caCertificate;
  }

  SSLContext serverContext() {
    return serverContext;
  }

  /** A client context that trusts the emulator's CA and nothing else. */
  SSLContext clientContext() {
    return clientContext;
  }

  private static SSLContext serverContext(
      KeyPair serverKeys, X509Certificate server, X509Certificate ca)
      throws GeneralSecurityException, IOException {
    KeyStore keyStore = emptyKeyStore();
    keyStore.setKeyEntry(
        "server",
        serverKeys.getPrivate(),
        IN_MEMORY_KEYSTORE_PASSWORD,
        new Certificate[] {server, ca});
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keyStore, IN_MEMORY_KEYSTORE_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    return context;
  }

  private static SSLContext trustingOnly(X509Certificate ca)
      throws GeneralSecurityException, IOException {
    KeyStore trustStore = emptyKeyStore();
    trustStore.setCertificateEntry("entra-emulator-ca", ca);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    return context;
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    return keyStore;
  }
}
