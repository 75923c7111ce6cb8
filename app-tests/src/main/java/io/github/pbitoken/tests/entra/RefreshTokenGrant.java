package io.github.pbitoken.tests.entra;

import java.util.Optional;

/**
 * {@code grant_type=refresh_token}: new tokens for the user a refresh token was issued to, unless
 * the test revoked refresh tokens (AADSTS50173, 700082, ...).
 */
final class RefreshTokenGrant implements Grant {
  private final SandboxDirectory directory;
  private final UserSessions sessions;
  private final UserTokenResponse tokens;

  RefreshTokenGrant(SandboxDirectory directory, UserSessions sessions, UserTokenResponse tokens) {
    this.directory = directory;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public String grantType() {
    return "refresh_token";
  }

  @Override
  public Reply handle(EntraRequest request, Authority authority) {
    Optional<String> refreshToken = request.formParam("refresh_token");
    if (refreshToken.isEmpty()) {
      return EntraError.missingParameter("refresh_token").toReply(request);
    }
    int revoked = sessions.revokedWithCode();
    if (revoked != 0) {
      return UserGrants.refreshTokenRejected(revoked).toReply(request);
    }
    Optional<UserSessions.Grant> grant = sessions.refreshGrant(refreshToken.get());
    String clientId = request.formParam("client_id").orElse("");
    if (grant.isEmpty() || !grant.get().clientId().equals(clientId)) {
      return UserGrants.unknownRefreshToken().toReply(request);
    }
    SandboxUser user = directory.findUser(grant.get().username()).orElseThrow();
    return tokens.issue(request, user, clientId, request.formParam("scope").orElse(""));
  }
}
