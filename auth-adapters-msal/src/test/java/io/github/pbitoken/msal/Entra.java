package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.HttpResponse;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.testing.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixtures: settings and realistic Entra ID v2 token-endpoint responses (ENTRA-FACTS.md). */
final class Entra {
  static final ClientId CLIENT_ID = new ClientId("00000000-0000-0000-0000-00000000c11e");
  static final String CORRELATION_ID = "00000000-0000-0000-0000-0000000c0441";

  private Entra() {}

  /** A secret nobody could mistake for a real one, unique per test, so leaks can be searched. */
  static String canarySecret() {
    return "canary-secret-" + UUID.randomUUID();
  }

  /** A fake JWT-looking access token, unique per call. */
  static String fakeToken() {
    return "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-payload-" + UUID.randomUUID() + ".fake-sig";
  }

  static MsalSettings settings(String secret) {
    return settings(secret, null, Duration.ofSeconds(10), 3, null);
  }

  static MsalSettings settings(
      String secret, String authorityHost, Duration acquireTimeout, int maxAttempts, Path trust) {
    return new MsalSettings(
        Cloud.PUBLIC,
        authorityHost,
        TestTokens.anyTenantId(),
        CLIENT_ID,
        new ClientSecretCredential(Secret.of(secret)),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        acquireTimeout,
        maxAttempts,
        trust);
  }

  /** {@code {"token_type":"Bearer","expires_in":...,"ext_expires_in":...,"access_token":...}}. */
  static HttpResponse token(String accessToken, long expiresInSeconds) {
    return json(
        200,
        "{\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresInSeconds
            + ",\"ext_expires_in\":"
            + expiresInSeconds
            + ",\"access_token\":\""
            + accessToken
            + "\"}");
  }

  /** An Entra ID error body as the v2 endpoint sends it; {@code code} 0 means no AADSTS code. */
  static HttpResponse error(int status, String error, int code) {
    String description =
        (code == 0 ? "" : "AADSTS" + code + ": ")
            + "Something about the request. Trace ID: 00000000-0000-0000-0000-00000000071d"
            + " Correlation ID: "
            + CORRELATION_ID
            + " Timestamp: 2030-01-01 00:00:00Z";
    return json(
        status,
        "{\"error\":\""
            + error
            + "\",\"error_description\":\""
            + description
            + "\",\"error_codes\":["
            + (code == 0 ? "" : code)
            + "],\"timestamp\":\"2030-01-01 00:00:00Z\",\"trace_id\":"
            + "\"00000000-0000-0000-0000-00000000071d\",\"correlation_id\":\""
            + CORRELATION_ID
            + "\",\"error_uri\":\"https://login.microsoftonline.com/error?code="
            + code
            + "\"}");
  }

  static HttpResponse json(int status, String body) {
    HttpResponse response = new HttpResponse().statusCode(status).body(body);
    response.addHeaders(Map.of("Content-Type", List.of("application/json; charset=utf-8")));
    return response;
  }

  static HttpResponse withHeader(HttpResponse response, String name, String value) {
    response.addHeaders(Map.of(name, List.of(value)));
    return response;
  }
}
