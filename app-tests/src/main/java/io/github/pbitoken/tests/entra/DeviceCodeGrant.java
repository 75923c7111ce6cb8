package io.github.pbitoken.tests.entra;

import java.util.Optional;

/**
 * {@code grant_type=device_code} (MSAL4J sends this short name, not the RFC 8628 URN): the client
 * polls until the scripted person approves, declines or lets the code expire.
 */
final class DeviceCodeGrant implements Grant {
  private final SandboxDirectory directory;
  private final UserSessions sessions;
  private final UserTokenResponse tokens;

  DeviceCodeGrant(SandboxDirectory directory, UserSessions sessions, UserTokenResponse tokens) {
    this.directory = directory;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public String grantType() {
    return "device_code";
  }

  @Override
  public Reply handle(EntraRequest request, Authority authority) {
    Optional<String> deviceCode = request.formParam("device_code");
    if (deviceCode.isEmpty()) {
      return EntraError.missingParameter("device_code").toReply(request);
    }
    Optional<UserSessions.DeviceSession> session = sessions.deviceSession(deviceCode.get());
    if (session.isEmpty()
        || !session.get().clientId().equals(request.formParam("client_id").orElse(""))) {
      return UserGrants.badVerificationCode().toReply(request);
    }
    if (sessions.pollIsPending(deviceCode.get())) {
      return UserGrants.authorizationPending().toReply(request);
    }
    sessions.endDeviceSession(deviceCode.get());
    return switch (sessions.deviceCodeOutcome()) {
      case DECLINED -> UserGrants.authorizationDeclined().toReply(request);
      case EXPIRED -> UserGrants.expiredToken().toReply(request);
      case APPROVED -> {
        SandboxUser alice = directory.findUser(SandboxDirectory.USER_NAME).orElseThrow();
        yield tokens.issue(request, alice, session.get().clientId(), session.get().scope());
      }
    };
  }
}
