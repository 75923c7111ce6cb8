package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads a client certificate and its private key with the JDK alone: PEM (a PKCS#8 key, plain or
 * encrypted, and the certificate chain, leaf first) or PKCS#12. Every problem the user can fix
 * (missing file, wrong password, expired certificate, a key that does not belong to the
 * certificate, an unsupported format) is an {@link IllegalArgumentException} whose message starts
 * with the file, so it can be reported before any network call.
 */
final class CertificateFileReader {
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  private final Path file;

  private CertificateFileReader(Path file) {
    this.file = file;
  }

  static ClientCertificateCredential read(
      Path file, Secret password, boolean sendCertificateChain, Instant now) {
    return new CertificateFileReader(file).read(password, sendCertificateChain, now);
  }

  private ClientCertificateCredential read(
      Secret password, boolean sendCertificateChain, Instant now) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw problem("no readable file there");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw problem("cannot be read: " + e.getMessage());
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    KeyAndChain read =
        text.contains("-----BEGIN ") ? fromPem(text, password) : fromPkcs12(bytes, password);
    X509Certificate leaf = read.chain().get(0);
    checkValidity(leaf, now);
    checkKeyMatches(read.key(), leaf);
    return new ClientCertificateCredential(read.key(), read.chain(), sendCertificateChain);
  }

  private record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {}

  private KeyAndChain fromPem(String text, Secret password) {
    List<X509Certificate> certificates = new ArrayList<>();
    PrivateKey key = null;
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      String type = block.group(1);
      byte[] der = base64(block.group(2));
      switch (type) {
        case "CERTIFICATE" -> certificates.add(certificate(der));
        case "PRIVATE KEY" -> key = privateKey(new PKCS8EncodedKeySpec(der));
        case "ENCRYPTED PRIVATE KEY" -> key = privateKey(decrypt(der, password));
        case "RSA PRIVATE KEY", "EC PRIVATE KEY" ->
            throw problem(
                "holds a "
                    + type
                    + " (PKCS#1/SEC1), which the JDK cannot read; convert it to PKCS#8 with"
                    + " 'openssl pkcs8 -topk8 -in key.pem -out key-pkcs8.pem' (add -nocrypt for"
                    + " no password)");
        default -> {
          // other blocks (parameters, CSRs) are not needed
        }
      }
    }
    if (key == null) {
      throw problem(
          "holds no private key: put the PKCS#8 key (-----BEGIN PRIVATE KEY----- or"
              + " -----BEGIN ENCRYPTED PRIVATE KEY-----) in the same file as the certificate");
    }
    if (certificates.isEmpty()) {
      throw problem("holds no certificate (-----BEGIN CERTIFICATE-----) next to the private key");
    }
    return new KeyAndChain(key, List.copyOf(certificates));
  }

  private KeyAndChain fromPkcs12(byte[] bytes, Secret password) {
    char[] chars = password == null ? new char[0] : password.reveal().toCharArray();
    KeyStore store;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, chars);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException || isPasswordFailure(e)) {
        throw problem(wrongPassword(password));
      }
      throw problem(
          "is neither PEM nor a readable PKCS#12 (.pfx/.p12) file: " + firstLine(e.getMessage()));
    } catch (GeneralSecurityException e) {
      throw problem("is not a readable PKCS#12 (.pfx/.p12) file: " + firstLine(e.getMessage()));
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, chars);
        Certificate[] chain = store.getCertificateChain(alias);
        if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
          List<X509Certificate> certificates = new ArrayList<>();
          for (Certificate certificate : chain) {
            certificates.add((X509Certificate) certificate);
          }
          return new KeyAndChain(privateKey, List.copyOf(certificates));
        }
      }
    } catch (UnrecoverableKeyException e) {
      throw problem(wrongPassword(password));
    } catch (GeneralSecurityException e) {
      throw problem("private key cannot be read: " + firstLine(e.getMessage()));
    }
    throw problem("holds no private key with its certificate");
  }

  private PKCS8EncodedKeySpec decrypt(byte[] der, Secret password) {
    if (password == null) {
      throw problem(
          "holds an encrypted private key but no password is configured: set the certificate"
              + " password");
    }
    try {
      EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
      // For PBES2 the parameters, not the OID, name the real scheme (e.g.
      // PBEWithHmacSHA256AndAES_256).
      String algorithm =
          info.getAlgParameters() == null ? info.getAlgName() : info.getAlgParameters().toString();
      SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
      Key pbeKey = factory.generateSecret(new PBEKeySpec(password.reveal().toCharArray()));
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.DECRYPT_MODE, pbeKey, info.getAlgParameters());
      return info.getKeySpec(cipher);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw problem(
          "the private key is encrypted with an algorithm the JDK does not support; re-encrypt"
              + " it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
    } catch (GeneralSecurityException | IOException e) {
      throw problem(wrongPassword(password));
    }
  }

  private PrivateKey privateKey(PKCS8EncodedKeySpec spec) {
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(spec);
        if (!"RSA".equals(key.getAlgorithm())) {
          throw problem(
              "holds an "
                  + key.getAlgorithm()
                  + " key; Entra ID client certificates need an RSA key (assertions are signed"
                  + " RS256)");
        }
        return key;
      } catch (GeneralSecurityException tryNext) {
        // not this algorithm
      }
    }
    throw problem("the private key is neither RSA nor EC PKCS#8");
  }

  private X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw problem("holds a certificate that cannot be read: " + firstLine(e.getMessage()));
    }
  }

  private void checkValidity(X509Certificate leaf, Instant now) {
    try {
      leaf.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      throw problem(
          "the certificate expired on "
              + leaf.getNotAfter().toInstant()
              + "; upload a new certificate to the app registration and configure it here");
    } catch (CertificateNotYetValidException e) {
      throw problem(
          "the certificate is not valid before "
              + leaf.getNotBefore().toInstant()
              + "; check this machine's clock");
    }
  }

  /** Signs a random challenge with the key and verifies it with the certificate. */
  private void checkKeyMatches(PrivateKey key, X509Certificate leaf) {
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(challenge);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException mismatch) {
      // reported below
    }
    throw problem(
        "the private key does not belong to the certificate ("
            + leaf.getSubjectX500Principal().getName()
            + "); put the key and certificate of one pair together");
  }

  private byte[] base64(String body) {
    try {
      return Base64.getMimeDecoder().decode(body.replaceAll("(?m)^[A-Za-z-]+:.*$", "").trim());
    } catch (IllegalArgumentException e) {
      throw problem("holds a PEM block that is not valid base64");
    }
  }

  private static boolean isPasswordFailure(IOException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("password") || message.contains("mac");
  }

  private static String wrongPassword(Secret password) {
    return password == null
        ? "needs a password: set the certificate password"
        : "the password does not open it (wrong certificate password?)";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown reason";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private IllegalArgumentException problem(String what) {
    return new IllegalArgumentException("certificate file " + file + ": " + what);
  }
}
