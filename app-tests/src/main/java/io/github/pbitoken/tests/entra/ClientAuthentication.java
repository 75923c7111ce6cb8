package io.github.pbitoken.tests.entra;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a client proved who it is: {@code client_id} and {@code client_secret} in the form
 * (client_secret_post), the same in an {@code Authorization: Basic} header (client_secret_basic),
 * or a {@code client_assertion}.
 */
record ClientAuthentication(String clientId, String clientSecret, String clientAssertion) {

  /** Reads the client's identity and proof; fields the client didn't send are null. */
  static ClientAuthentication of(EntraRequest request) {
    Optional<String[]> basic =
        request.received().header("authorization").flatMap(ClientAuthentication::basicCredentials);
    String clientId =
        request.formParam("client_id").orElse(basic.map(parts -> parts[0]).orElse(null));
    String clientSecret =
        request.formParam("client_secret").orElse(basic.map(parts -> parts[1]).orElse(null));
    return new ClientAuthentication(
        clientId, clientSecret, request.formParam("client_assertion").orElse(null));
  }

  /**
   * Checks the proof against the registration; empty when the client may go on. {@code
   * credentialRequired} is true for grants only a confidential client may use.
   */
  Optional<EntraError> verify(AppRegistration app, boolean credentialRequired) {
    boolean presentedCredential = clientSecret != null || clientAssertion != null;
    if (app.isPublicClient()) {
      if (presentedCredential) {
        return Optional.of(EntraError.publicClientPresentedCredential());
      }
      return credentialRequired
          ? Optional.of(EntraError.clientCredentialMissing())
          : Optional.empty();
    }
    if (clientAssertion != null) {
      return Optional.of(EntraError.clientAssertionNotVerifiable());
    }
    if (clientSecret == null) {
      return Optional.of(EntraError.clientCredentialMissing());
    }
    return app.acceptsSecret(clientSecret)
        ? Optional.empty()
        : Optional.of(EntraError.invalidClientSecret(app.clientId()));
  }

  /**
   * Like {@link #verify(AppRegistration, boolean)}, but a confidential client's {@code
   * client_assertion} is checked by {@code assertions} instead of being refused.
   */
  Optional<EntraError> verify(
      AppRegistration app,
      boolean credentialRequired,
      ClientAssertionVerifier assertions,
      EntraRequest request) {
    if (!app.isPublicClient() && clientAssertion != null && clientSecret == null) {
      return assertions.verify(clientAssertion, app, request);
    }
    return verify(app, credentialRequired);
  }

  /** RFC 6749 2.3.1: both parts are form-urlencoded before base64. */
  private static Optional<String[]> basicCredentials(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new String[] {
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
          });
    } catch (IllegalArgumentException notBasic) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "ClientAuthentication[clientId=" + clientId + ", credentials redacted]";
  }
}
