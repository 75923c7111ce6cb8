package io.github.pbitoken.tests.entra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * An app's client certificate for tests and the sandbox: an RSA key and a self-signed certificate,
 * written as the files people upload and configure (PEM, encrypted PEM, PKCS#12). Register {@link
 * #certificate()} with {@link SandboxDirectory#registerCertificate}.
 */
public record ClientCertificate(KeyPair keys, X509Certificate certificate) {

  /** A fresh RSA 2048 key with a self-signed certificate valid between the two instants. */
  public static ClientCertificate generate(String commonName, Instant notBefore, Instant notAfter) {
    KeyPair keys = Certificates.rsaKeyPair();
    return new ClientCertificate(
        keys, Certificates.selfSigned(keys, commonName, notBefore, notAfter));
  }

  public PrivateKey privateKey() {
    return keys.getPrivate();
  }

  /** Certificate and unencrypted PKCS#8 key in one PEM file. */
  public Path writePem(Path file) {
    return write(file, Pem.certificate(certificate) + pkcs8(null));
  }

  /** Certificate and PKCS#8 key encrypted with {@code password} (PBES2, AES-256-CBC). */
  public Path writeEncryptedPem(Path file, String password) {
    return write(file, Pem.certificate(certificate) + pkcs8(password));
  }

  /** A PKCS#12 file holding the key and certificate, protected by {@code password}. */
  public Path writePkcs12(Path file, String password) {
    try (OutputStream out = Files.newOutputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "client", privateKey(), password.toCharArray(), new Certificate[] {certificate});
      store.store(out, password.toCharArray());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not write PKCS#12", e);
    }
  }

  /** The certificate alone, PEM. */
  public String certificatePem() {
    return Pem.certificate(certificate);
  }

  private String pkcs8(String password) {
    try {
      OutputEncryptor encryptor =
          password == null
              ? null
              : new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                  .setProvider(new BouncyCastleProvider())
                  .setPassword(password.toCharArray())
                  .build();
      StringWriter text = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
        writer.writeObject(new JcaPKCS8Generator(privateKey(), encryptor));
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("could not encode the private key", e);
    }
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "ClientCertificate[" + certificate.getSubjectX500Principal() + ", key redacted]";
  }
}
