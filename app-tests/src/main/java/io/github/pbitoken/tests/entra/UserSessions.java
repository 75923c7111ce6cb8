package io.github.pbitoken.tests.entra;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's memory of signed-in users: device codes waiting for a person, the script of what
 * that person does, and the refresh tokens issued (which a test can revoke).
 */
final class UserSessions {
  /** A device code handed out and not yet redeemed. */
  record DeviceSession(String clientId, String tenantId, String scope, int pendingPollsLeft) {}

  /** An authorization code handed out by the sign-in page, redeemable once with its verifier. */
  record CodeGrant(
      String username, String clientId, String redirectUri, String scope, String codeChallenge) {}

  /** A refresh token handed out: who it is for. */
  record Grant(String username, String clientId, String tenantId) {}

  private final Map<String, DeviceSession> deviceSessions = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, CodeGrant> authorizationCodes = new ConcurrentHashMap<>();
  private final AtomicReference<DeviceCodeOutcome> outcome =
      new AtomicReference<>(DeviceCodeOutcome.APPROVED);
  private final AtomicInteger pendingPolls = new AtomicInteger();
  private final AtomicInteger revokedWithCode = new AtomicInteger();
  private final AtomicInteger passwordGrantFailsWith = new AtomicInteger();

  void scriptDeviceCode(DeviceCodeOutcome next, int pendingPollsBeforeIt) {
    if (pendingPollsBeforeIt < 0) {
      throw new IllegalArgumentException("pending polls must not be negative");
    }
    outcome.set(next);
    pendingPolls.set(pendingPollsBeforeIt);
  }

  DeviceCodeOutcome deviceCodeOutcome() {
    return outcome.get();
  }

  String startDeviceSession(String clientId, String tenantId, String scope) {
    String deviceCode = Ids.randomBase64Url(48);
    deviceSessions.put(
        deviceCode, new DeviceSession(clientId, tenantId, scope, pendingPolls.get()));
    return deviceCode;
  }

  Optional<DeviceSession> deviceSession(String deviceCode) {
    return Optional.ofNullable(deviceSessions.get(deviceCode));
  }

  /** Counts one poll; true while the person has not acted yet. */
  boolean pollIsPending(String deviceCode) {
    DeviceSession session = deviceSessions.get(deviceCode);
    if (session == null || session.pendingPollsLeft() <= 0) {
      return false;
    }
    deviceSessions.put(
        deviceCode,
        new DeviceSession(
            session.clientId(),
            session.tenantId(),
            session.scope(),
            session.pendingPollsLeft() - 1));
    return true;
  }

  void endDeviceSession(String deviceCode) {
    deviceSessions.remove(deviceCode);
  }

  String issueRefreshToken(Grant grant) {
    String token = "emulator-rt-" + Ids.randomBase64Url(32);
    refreshTokens.put(token, grant);
    return token;
  }

  Optional<Grant> refreshGrant(String token) {
    return Optional.ofNullable(refreshTokens.get(token));
  }

  /** From now on every refresh token is rejected with AADSTS {@code code} (0: accepted again). */
  void revokeRefreshTokens(int code) {
    revokedWithCode.set(code);
  }

  int revokedWithCode() {
    return revokedWithCode.get();
  }

  /** From now on the password grant fails with AADSTS {@code code} (50076: MFA; 0: works again). */
  void failPasswordGrants(int code) {
    passwordGrantFailsWith.set(code);
  }

  int passwordGrantFailsWith() {
    return passwordGrantFailsWith.get();
  }

  String issueAuthorizationCode(CodeGrant grant) {
    String code = "emulator-code-" + Ids.randomBase64Url(32);
    authorizationCodes.put(code, grant);
    return code;
  }

  /** The code's grant, removed: a code works once. */
  Optional<CodeGrant> redeemAuthorizationCode(String code) {
    return Optional.ofNullable(authorizationCodes.remove(code));
  }

  void reset() {
    authorizationCodes.clear();
    passwordGrantFailsWith.set(0);
    deviceSessions.clear();
    refreshTokens.clear();
    outcome.set(DeviceCodeOutcome.APPROVED);
    pendingPolls.set(0);
    revokedWithCode.set(0);
  }
}
