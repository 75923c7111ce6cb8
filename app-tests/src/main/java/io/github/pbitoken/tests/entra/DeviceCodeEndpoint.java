package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code POST /{tenant}/oauth2/v2.0/devicecode}: starts a device-code sign-in for a public client.
 * The code lives 900 s; the client polls every second (Entra ID says 5; a test should not wait).
 */
final class DeviceCodeEndpoint implements Endpoint {
  static final int EXPIRES_IN_SECONDS = 900;
  static final int INTERVAL_SECONDS = 1;
  static final String VERIFICATION_PATH = "/devicelogin";

  private final SandboxDirectory directory;
  private final UserSessions sessions;

  DeviceCodeEndpoint(SandboxDirectory directory, UserSessions sessions) {
    this.directory = directory;
    this.sessions = sessions;
  }

  @Override
  public Reply handle(EntraRequest request) {
    if (!"POST".equals(request.received().method())) {
      return EntraError.postOnly(request.received().method()).toReply(request);
    }
    Optional<Authority> authority = Authority.resolve(request.tenantSegment(), directory);
    if (authority.isEmpty()) {
      return EntraError.tenantNotFound(request.tenantSegment()).toReply(request);
    }
    String tenantId = UserGrants.tenantOf(authority.get());
    String clientId = request.formParam("client_id").orElse(null);
    Optional<EntraError> rejected =
        UserTokenResponse.checkPublicClient(directory, tenantId, clientId);
    if (rejected.isPresent()) {
      return rejected.get().toReply(request);
    }
    String scope = request.formParam("scope").orElse("");
    String deviceCode = sessions.startDeviceSession(clientId, tenantId, scope);
    String userCode = "SBX" + Math.abs(deviceCode.hashCode() % 1_000_000);
    String verificationUri = request.baseUri() + VERIFICATION_PATH;
    ObjectNode body = Json.object();
    body.put("user_code", userCode);
    body.put("device_code", deviceCode);
    body.put("verification_uri", verificationUri);
    body.put("expires_in", EXPIRES_IN_SECONDS);
    body.put("interval", INTERVAL_SECONDS);
    body.put(
        "message",
        "To sign in, use a web browser to open the page "
            + verificationUri
            + " and enter the code "
            + userCode
            + " to authenticate.");
    return Reply.ok(body);
  }
}
