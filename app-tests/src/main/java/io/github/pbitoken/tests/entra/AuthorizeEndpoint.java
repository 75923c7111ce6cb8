package io.github.pbitoken.tests.entra;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /{tenant}/oauth2/v2.0/authorize}: the sign-in page of the interactive flow. It shows
 * one button, "Sign in as alice", in a form that POSTs {@code code} and {@code state} to the
 * loopback {@code redirect_uri} ({@code response_mode=form_post}, as MSAL4J requires). PKCE is
 * mandatory: the code remembers the S256 challenge.
 */
final class AuthorizeEndpoint implements Endpoint {
  private final SandboxDirectory directory;
  private final UserSessions sessions;

  AuthorizeEndpoint(SandboxDirectory directory, UserSessions sessions) {
    this.directory = directory;
    this.sessions = sessions;
  }

  @Override
  public Reply handle(EntraRequest request) {
    Optional<Authority> authority = Authority.resolve(request.tenantSegment(), directory);
    if (authority.isEmpty()) {
      return EntraError.tenantNotFound(request.tenantSegment()).toReply(request);
    }
    String clientId = request.queryParam("client_id").orElse(null);
    Optional<EntraError> rejected =
        UserTokenResponse.checkPublicClient(
            directory, UserGrants.tenantOf(authority.get()), clientId);
    if (rejected.isPresent()) {
      return rejected.get().toReply(request);
    }
    String redirectUri = request.queryParam("redirect_uri").orElse("");
    if (!redirectUri.startsWith("http://localhost:")
        && !redirectUri.startsWith("http://127.0.0.1:")) {
      return new EntraError(
              400,
              "invalid_request",
              50011,
              "The redirect URI '"
                  + redirectUri
                  + "' does not match the loopback redirect URIs"
                  + " configured for the application.")
          .toReply(request);
    }
    if (!"S256".equals(request.queryParam("code_challenge_method").orElse(""))
        || request.queryParam("code_challenge").isEmpty()) {
      return EntraError.missingParameter("code_challenge").toReply(request);
    }
    String code =
        sessions.issueAuthorizationCode(
            new UserSessions.CodeGrant(
                SandboxDirectory.USER_NAME,
                clientId,
                redirectUri,
                request.queryParam("scope").orElse(""),
                request.queryParam("code_challenge").orElseThrow()));
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign in - Entra ID emulator"
            + "</title></head><body><h1>Entra ID emulator</h1>"
            + "<p>pbi-token wants to sign you in as "
            + SandboxDirectory.USER_NAME
            + ".</p><form id=\"signin\" method=\"post\" action=\""
            + escape(redirectUri)
            + "\"><input type=\"hidden\" name=\"code\" value=\""
            + escape(code)
            + "\"><input type=\"hidden\" name=\"state\" value=\""
            + escape(request.queryParam("state").orElse(""))
            + "\"><button id=\"approve\" type=\"submit\">Sign in as alice</button></form>"
            + "</body></html>";
    return new Reply(200, "text/html; charset=utf-8", html, Map.of());
  }

  private static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
