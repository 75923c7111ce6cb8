package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * The RS256 key that signs access tokens, published like Entra ID's: a self-signed certificate
 * whose SHA-1 thumbprint (base64url) is both {@code kid} and {@code x5t}.
 */
final class TokenSigner {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final String keyId;

  private TokenSigner(KeyPair keys, X509Certificate certificate, String keyId) {
    this.keys = keys;
    this.certificate = certificate;
    this.keyId = keyId;
  }

  static TokenSigner generate(Instant now) {
    KeyPair keys = Certificates.rsaKeyPair();
    X509Certificate certificate =
        Certificates.selfSigned(
            keys,
            "accounts.sandbox.localhost",
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(365)));
    try {
      byte[] thumbprint = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
      return new TokenSigner(keys, certificate, BASE64URL.encodeToString(thumbprint));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not fingerprint the signing certificate", e);
    }
  }

  String keyId() {
    return keyId;
  }

  PublicKey publicKey() {
    return keys.getPublic();
  }

  /** Returns the compact JWS of {@code claims}. */
  String sign(ObjectNode claims) {
    ObjectNode header = Json.object().put("typ", "JWT").put("alg", "RS256");
    header.put("x5t", keyId).put("kid", keyId);
    String signingInput = encode(Json.write(header)) + "." + encode(Json.write(claims));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(keys.getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
  }

  /** The JSON Web Key Set document, as served at {@code /{tenant}/discovery/v2.0/keys}. */
  ObjectNode keySet(String issuer) {
    RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
    ObjectNode key = Json.object();
    key.put("kty", "RSA").put("use", "sig").put("kid", keyId).put("x5t", keyId);
    key.put("n", unsigned(publicKey.getModulus()));
    key.put("e", unsigned(publicKey.getPublicExponent()));
    try {
      key.putArray("x5c").add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encode the signing certificate", e);
    }
    key.put("cloud_instance_name", "microsoftonline.com").put("issuer", issuer);
    ObjectNode keySet = Json.object();
    keySet.putArray("keys").add(key);
    return keySet;
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** JWK integers are big-endian without the sign byte BigInteger adds. */
  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return BASE64URL.encodeToString(bytes);
  }
}
