package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a {@code client_assertion} as Entra ID does. A federated token (an {@code iss} other than
 * the client id) must match a {@link FederatedCredential}. An app-signed assertion needs: RS256
 * signature by one of the app's registered certificates (and {@code x5c}, when sent, naming that
 * certificate), {@code iss} and {@code sub} equal to the client id, {@code aud} equal to the token
 * endpoint, the time window ({@code nbf}, {@code exp}, five minutes of skew) and a {@code jti}
 * never seen before.
 */
final class ClientAssertionVerifier {
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final SandboxDirectory directory;
  private final AssertionReplayGuard replayGuard;

  ClientAssertionVerifier(SandboxDirectory directory, AssertionReplayGuard replayGuard) {
    this.directory = directory;
    this.replayGuard = replayGuard;
  }

  Optional<EntraError> verify(String assertion, AppRegistration app, EntraRequest request) {
    Jwt jwt;
    try {
      jwt = Jwt.parse(assertion);
    } catch (IllegalArgumentException malformed) {
      return Optional.of(EntraError.invalidAssertion("The client assertion is not a valid JWT."));
    }
    if (!app.clientId().equals(jwt.claim("iss").orElse(""))) {
      return verifyFederated(jwt, app, request);
    }
    Optional<X509Certificate> signer =
        directory.certificatesOf(app.tenantId(), app.clientId()).stream()
            .filter(certificate -> jwt.isSignedBy(certificate.getPublicKey()))
            .findFirst();
    if (signer.isEmpty()) {
      return Optional.of(EntraError.clientAssertionSignatureInvalid(app.clientId()));
    }
    JsonNode x5c = jwt.header().get("x5c");
    if (x5c != null && !x5c.path(0).asText().equals(encoded(signer.get()))) {
      return Optional.of(EntraError.clientAssertionSignatureInvalid(app.clientId()));
    }
    if (!app.clientId().equals(jwt.claim("sub").orElse(""))) {
      return Optional.of(
          EntraError.invalidAssertion(
              "Client assertion application identifier doesn't match 'client_id' parameter."));
    }
    String expectedAudience = request.baseUri() + request.received().path();
    String audience = jwt.claim("aud").orElse("");
    if (!audience.equalsIgnoreCase(expectedAudience)) {
      return Optional.of(
          EntraError.invalidAssertion(
              "Assertion audience does not match the Client app presenting the assertion. The"
                  + " audience in the assertion was '"
                  + audience
                  + "' and the expected audience is '"
                  + expectedAudience
                  + "'."));
    }
    if (!withinValidTime(jwt, request.receivedAt())) {
      return Optional.of(EntraError.clientAssertionOutsideValidTime());
    }
    Optional<String> jti = jwt.claim("jti");
    if (jti.isEmpty() || !replayGuard.firstUse(app.clientId(), jti.get())) {
      return Optional.of(
          EntraError.invalidAssertion(
              "The client assertion's jti has already been used or is missing; every assertion"
                  + " must carry a new one."));
    }
    return Optional.empty();
  }

  /**
   * A token from an external issuer: a federated credential on the app must match its issuer and
   * subject and verify its signature; the audience is the token-exchange one. Such tokens are
   * reused until they expire (a projected service-account token lives an hour), so no jti check.
   */
  private Optional<EntraError> verifyFederated(Jwt jwt, AppRegistration app, EntraRequest request) {
    String issuer = jwt.claim("iss").orElse("");
    String subject = jwt.claim("sub").orElse("");
    String audience = jwt.claim("aud").orElse("");
    boolean matched =
        FederatedCredential.EXCHANGE_AUDIENCE.equals(audience)
            && directory.federatedCredentialsOf(app.tenantId(), app.clientId()).stream()
                .anyMatch(
                    credential ->
                        credential.issuer().equals(issuer)
                            && credential.subject().equals(subject)
                            && jwt.isSignedBy(credential.signingCertificate().getPublicKey()));
    if (!matched) {
      return Optional.of(EntraError.noMatchingFederatedCredential(issuer, subject, audience));
    }
    return withinValidTime(jwt, request.receivedAt())
        ? Optional.empty()
        : Optional.of(EntraError.clientAssertionOutsideValidTime());
  }

  private static boolean withinValidTime(Jwt jwt, Instant now) {
    Instant notBefore = epoch(jwt, "nbf").orElse(Instant.MIN);
    Optional<Instant> expires = epoch(jwt, "exp");
    return expires.isPresent()
        && !now.isAfter(expires.get().plus(CLOCK_SKEW))
        && !now.isBefore(notBefore.minus(CLOCK_SKEW));
  }

  private static Optional<Instant> epoch(Jwt jwt, String claim) {
    JsonNode value = jwt.claims().get(claim);
    return value == null || !value.canConvertToLong()
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(value.asLong()));
  }

  private static String encoded(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
