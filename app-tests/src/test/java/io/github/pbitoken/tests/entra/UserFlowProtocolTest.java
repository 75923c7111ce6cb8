package io.github.pbitoken.tests.entra;

import static io.github.pbitoken.tests.entra.EmulatorHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user-flow endpoints over plain HTTPS: device code, refresh token, authorize + PKCE. */
class UserFlowProtocolTest {
  private static final String TENANT = SandboxDirectory.TENANT_ID;
  private static final String SCOPE =
      SandboxDirectory.POWER_BI_DEFAULT_SCOPE + " openid profile offline_access";
  private final EntraEmulator emulator = EntraEmulator.shared();
  private EmulatorHttp http;

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
    http = new EmulatorHttp(emulator);
  }

  @Test
  void givenADeviceCode_whenPolledWhilePending_thenAuthorizationPendingWithADescription()
      throws Exception {
    emulator.scriptDeviceCode(DeviceCodeOutcome.APPROVED, 1);
    JsonNode code = json(post("devicecode", Map.of("client_id", publicClient(), "scope", SCOPE)));

    JsonNode pending = json(pollWith(code));
    JsonNode approved = json(pollWith(code));

    assertEquals(900, code.get("expires_in").asInt());
    assertEquals("authorization_pending", pending.get("error").asText());
    assertTrue(pending.get("error_description").asText().startsWith("AADSTS70016"));
    assertTrue(approved.has("refresh_token") && approved.has("id_token"), approved.toString());
    String clientInfo =
        new String(
            Base64.getUrlDecoder().decode(approved.get("client_info").asText()),
            StandardCharsets.UTF_8);
    assertTrue(clientInfo.contains(SandboxDirectory.USER_OBJECT_ID), clientInfo);
  }

  @Test
  void givenAConfidentialClient_whenAskingForADeviceCode_thenItMustAuthenticate7000218()
      throws Exception {
    HttpResponse<String> response =
        post(
            "devicecode",
            Map.of("client_id", SandboxDirectory.CONFIDENTIAL_CLIENT_ID, "scope", SCOPE));

    assertEquals(400, response.statusCode());
    assertEquals(7000218, json(response).get("error_codes").get(0).asInt());
  }

  @Test
  void givenRevokedRefreshTokens_whenRefreshing_thenInvalidGrant700082() throws Exception {
    JsonNode tokens =
        json(
            pollWith(
                json(post("devicecode", Map.of("client_id", publicClient(), "scope", SCOPE)))));
    emulator.revokeRefreshTokens(700082);

    JsonNode refused =
        json(
            post(
                "token",
                Map.of(
                    "grant_type",
                    "refresh_token",
                    "client_id",
                    publicClient(),
                    "refresh_token",
                    tokens.get("refresh_token").asText(),
                    "scope",
                    SCOPE)));

    assertEquals("invalid_grant", refused.get("error").asText());
    assertEquals(700082, refused.get("error_codes").get(0).asInt());
  }

  @Test
  void givenTheSignInPage_whenItsCodeIsRedeemedWithTheWrongVerifier_thenRefusedAndCodeSpent()
      throws Exception {
    String verifier = "verifier-0123456789-0123456789-0123456789-0123456789";
    String page =
        http.get(
                "/"
                    + TENANT
                    + "/oauth2/v2.0/authorize?client_id="
                    + publicClient()
                    + "&redirect_uri=http://localhost:1234&response_type=code"
                    + "&response_mode=form_post&state=s1&code_challenge_method=S256"
                    + "&code_challenge="
                    + s256(verifier))
            .body();
    Matcher code = Pattern.compile("name=\"code\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(code.find(), page);
    assertTrue(page.contains("method=\"post\" action=\"http://localhost:1234\""), page);

    JsonNode wrong = json(redeem(code.group(1), "not-the-verifier"));
    JsonNode again = json(redeem(code.group(1), verifier));

    assertEquals(501481, wrong.get("error_codes").get(0).asInt());
    assertEquals(54005, again.get("error_codes").get(0).asInt(), "a code works once");
  }

  @Test
  void givenANonLoopbackRedirect_whenAuthorizing_thenRedirectMismatch50011() throws Exception {
    HttpResponse<String> response =
        http.get(
            "/"
                + TENANT
                + "/oauth2/v2.0/authorize?client_id="
                + publicClient()
                + "&redirect_uri=https://evil.example&code_challenge_method=S256&code_challenge=x");

    assertEquals(50011, json(response).get("error_codes").get(0).asInt());
  }

  private HttpResponse<String> redeem(String code, String verifier) throws Exception {
    return post(
        "token",
        Map.of(
            "grant_type",
            "authorization_code",
            "client_id",
            publicClient(),
            "code",
            code,
            "redirect_uri",
            "http://localhost:1234",
            "code_verifier",
            verifier,
            "scope",
            SCOPE));
  }

  private HttpResponse<String> pollWith(JsonNode deviceCode) throws Exception {
    return post(
        "token",
        Map.of(
            "grant_type", "device_code",
            "client_id", publicClient(),
            "device_code", deviceCode.get("device_code").asText()));
  }

  private HttpResponse<String> post(String endpoint, Map<String, String> form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(emulator.baseUri() + "/" + TENANT + "/oauth2/v2.0/" + endpoint))
            .timeout(EmulatorHttp.REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(EmulatorHttp.encode(new LinkedHashMap<>(form))))
            .build());
  }

  private static String publicClient() {
    return SandboxDirectory.PUBLIC_CLIENT_ID;
  }

  private static String s256(String verifier) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }
}
