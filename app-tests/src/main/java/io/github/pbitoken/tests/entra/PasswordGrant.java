package io.github.pbitoken.tests.entra;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code grant_type=password} (ROPC): the sandbox user's name and password straight to the token
 * endpoint. A wrong password gets AADSTS50126; a test can demand MFA (50076/50079).
 */
final class PasswordGrant implements Grant {
  private final SandboxDirectory directory;
  private final UserSessions sessions;
  private final UserTokenResponse tokens;

  PasswordGrant(SandboxDirectory directory, UserSessions sessions, UserTokenResponse tokens) {
    this.directory = directory;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public String grantType() {
    return "password";
  }

  @Override
  public Reply handle(EntraRequest request, Authority authority) {
    String tenantId = UserGrants.tenantOf(authority);
    String clientId = request.formParam("client_id").orElse(null);
    Optional<EntraError> rejected =
        UserTokenResponse.checkPublicClient(directory, tenantId, clientId);
    if (rejected.isPresent()) {
      return rejected.get().toReply(request);
    }
    String username = request.formParam("username").orElse("").toLowerCase(Locale.ROOT);
    Optional<SandboxUser> user = directory.findUser(username);
    String password = request.formParam("password").orElse("");
    if (user.isEmpty()
        || !user.get().tenantId().equals(tenantId)
        || !user.get().password().equals(password)) {
      return UserGrants.wrongPassword().toReply(request);
    }
    int failure = sessions.passwordGrantFailsWith();
    if (failure != 0) {
      return UserGrants.mfaRequired(failure).toReply(request);
    }
    return tokens.issue(request, user.get(), clientId, request.formParam("scope").orElse(""));
  }
}
