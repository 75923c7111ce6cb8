package io.github.pbitoken.tests.entra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code grant_type=authorization_code}: redeems a code from the sign-in page, once, with the same
 * client and redirect URI and a PKCE verifier whose S256 hash is the challenge.
 */
final class AuthorizationCodeGrant implements Grant {
  private final SandboxDirectory directory;
  private final UserSessions sessions;
  private final UserTokenResponse tokens;

  AuthorizationCodeGrant(
      SandboxDirectory directory, UserSessions sessions, UserTokenResponse tokens) {
    this.directory = directory;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public String grantType() {
    return "authorization_code";
  }

  @Override
  public Reply handle(EntraRequest request, Authority authority) {
    Optional<UserSessions.CodeGrant> grant =
        request.formParam("code").flatMap(sessions::redeemAuthorizationCode);
    String clientId = request.formParam("client_id").orElse("");
    if (grant.isEmpty()
        || !grant.get().clientId().equals(clientId)
        || !grant.get().redirectUri().equals(request.formParam("redirect_uri").orElse(""))) {
      return new EntraError(
              400,
              "invalid_grant",
              54005,
              "OAuth2 Authorization code was already redeemed or is not valid.")
          .toReply(request);
    }
    String verifier = request.formParam("code_verifier").orElse("");
    if (!s256(verifier).equals(grant.get().codeChallenge())) {
      return new EntraError(
              400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge.")
          .toReply(request);
    }
    SandboxUser user = directory.findUser(grant.get().username()).orElseThrow();
    return tokens.issue(
        request, user, clientId, request.formParam("scope").orElse(grant.get().scope()));
  }

  private static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
