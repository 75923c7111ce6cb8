package io.github.pbitoken.tests.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A TLS server on 127.0.0.1 with a certificate of the test's choosing (issued by a CA the client
 * trusts), which counts the HTTP requests that get through the handshake.
 */
final class TlsTestServer implements AutoCloseable {
  private final SSLServerSocket server;
  private final Thread acceptor;
  private final AtomicInteger requests = new AtomicInteger();
  private final X509Certificate ca;

  private TlsTestServer(SSLServerSocket server, X509Certificate ca) {
    this.server = server;
    this.ca = ca;
    this.acceptor = new Thread(this::serve, "tls-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server whose certificate names {@code dnsName} and is valid between the two instants. */
  static TlsTestServer start(String dnsName, Instant notBefore, Instant notAfter) throws Exception {
    KeyPair caKeys = ecKeys();
    X500Name caName = new X500Name("CN=pbi-token reliability test CA");
    Instant now = Instant.now();
    X509Certificate ca =
        sign(
            new JcaX509v3CertificateBuilder(
                    caName,
                    BigInteger.ONE,
                    Date.from(now.minusSeconds(86_400 * 400L)),
                    Date.from(now.plusSeconds(86_400)),
                    caName,
                    caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
            caKeys.getPrivate());
    KeyPair serverKeys = ecKeys();
    X509Certificate leaf =
        sign(
            new JcaX509v3CertificateBuilder(
                    caName,
                    BigInteger.TWO,
                    Date.from(notBefore),
                    Date.from(notAfter),
                    new X500Name("CN=" + dnsName),
                    serverKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName))),
            caKeys.getPrivate());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "in-memory".toCharArray();
    store.setKeyEntry("server", serverKeys.getPrivate(), password, new Certificate[] {leaf, ca});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    SSLServerSocket socket =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
    return new TlsTestServer(socket, ca);
  }

  int port() {
    return server.getLocalPort();
  }

  /** HTTP requests whose first bytes arrived after a completed handshake. */
  int requests() {
    return requests.get();
  }

  Path writeCaPem(Path file) throws Exception {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ca.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(file, pem);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        client.setSoTimeout(5_000);
        ((SSLSocket) client).startHandshake();
        InputStream in = client.getInputStream();
        if (in.read() >= 0) {
          requests.incrementAndGet();
        }
      } catch (IOException handshakeRefusedOrClosed) {
        // The client refused our certificate (the expected case), or the server was closed.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }
}
