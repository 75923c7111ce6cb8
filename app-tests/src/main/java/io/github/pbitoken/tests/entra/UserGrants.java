package io.github.pbitoken.tests.entra;

/** What the user grants share. */
final class UserGrants {
  private UserGrants() {}

  /**
   * The tenant a user signs in to: the named one, or the sandbox tenant for common/organizations.
   */
  static String tenantOf(Authority authority) {
    return authority instanceof Authority.SingleTenant single
        ? single.tenant().id()
        : SandboxDirectory.TENANT_ID;
  }

  static EntraError authorizationPending() {
    return new EntraError(
        400,
        "authorization_pending",
        70016,
        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
  }

  static EntraError authorizationDeclined() {
    return new EntraError(
        400, "authorization_declined", 70000, "The user declined the authorization request.");
  }

  static EntraError expiredToken() {
    return new EntraError(
        400,
        "expired_token",
        70019,
        "Verification code expired. The user did not sign in in time.");
  }

  static EntraError badVerificationCode() {
    return new EntraError(400, "invalid_grant", 70000, "The device code is not valid.");
  }

  static EntraError refreshTokenRejected(int code) {
    String message =
        code == 700082
            ? "The refresh token has expired due to inactivity."
            : "The provided grant has expired due to it being revoked, a fresh auth token is"
                + " needed. The user might have changed or reset their password.";
    return new EntraError(400, "invalid_grant", code, message);
  }

  static EntraError unknownRefreshToken() {
    return new EntraError(
        400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
  }

  static EntraError wrongPassword() {
    return new EntraError(
        400,
        "invalid_grant",
        50126,
        "Error validating credentials due to invalid username or password.");
  }

  static EntraError mfaRequired(int code) {
    return new EntraError(
        400,
        "invalid_grant",
        code,
        code == 50079
            ? "Due to a configuration change made by your administrator, or because you moved to a"
                + " new location, you must enroll in multi-factor authentication."
            : "Due to a configuration change made by your administrator, or because you moved to a"
                + " new location, you must use multi-factor authentication to access the resource.");
  }
}
