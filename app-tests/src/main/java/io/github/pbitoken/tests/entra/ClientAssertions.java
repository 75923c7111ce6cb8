package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signed client assertions (RFC 7523 JWTs) as a workload identity platform or MSAL makes them, for
 * federated token files in tests and the sandbox.
 */
public final class ClientAssertions {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private ClientAssertions() {}

  /** An assertion valid for ten minutes from {@code now}, with a fresh {@code jti}. */
  public static String sign(
      ClientCertificate certificate, String clientId, String audience, Instant now) {
    return sign(
        certificate,
        clientId,
        audience,
        now,
        now.plus(Duration.ofMinutes(10)),
        UUID.randomUUID().toString());
  }

  public static String sign(
      ClientCertificate certificate,
      String clientId,
      String audience,
      Instant notBefore,
      Instant expires,
      String jti) {
    ObjectNode header = Json.object();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("x5t#S256", thumbprint(certificate.certificate()));
    ObjectNode claims = Json.object();
    claims.put("aud", audience);
    claims.put("iss", clientId);
    claims.put("sub", clientId);
    claims.put("jti", jti);
    claims.put("nbf", notBefore.getEpochSecond());
    claims.put("exp", expires.getEpochSecond());
    return signed(certificate, header, claims);
  }

  private static String signed(
      ClientCertificate certificate, ObjectNode header, ObjectNode claims) {
    String input = encode(header.toString()) + "." + encode(claims.toString());
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(certificate.privateKey());
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + BASE64URL.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign the assertion", e);
    }
  }

  /**
   * A federated token as an external issuer (Kubernetes, GitHub Actions) writes it to {@code
   * AZURE_FEDERATED_TOKEN_FILE}: {@code iss} and {@code sub} of the workload, audience {@link
   * FederatedCredential#EXCHANGE_AUDIENCE}, valid for an hour from {@code now}.
   */
  public static String federatedToken(
      ClientCertificate issuerKey, String issuer, String subject, Instant now) {
    return federatedToken(issuerKey, issuer, subject, now, now.plus(Duration.ofHours(1)));
  }

  public static String federatedToken(
      ClientCertificate issuerKey,
      String issuer,
      String subject,
      Instant notBefore,
      Instant expires) {
    ObjectNode header = Json.object();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    ObjectNode claims = Json.object();
    claims.put("aud", FederatedCredential.EXCHANGE_AUDIENCE);
    claims.put("iss", issuer);
    claims.put("sub", subject);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", notBefore.getEpochSecond());
    claims.put("nbf", notBefore.getEpochSecond());
    claims.put("exp", expires.getEpochSecond());
    return signed(issuerKey, header, claims);
  }

  static String thumbprint(X509Certificate certificate) {
    try {
      return Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
