package io.github.pbitoken.tests.entra;

import static io.github.pbitoken.tests.entra.EmulatorHttp.clientCredentialsForm;
import static io.github.pbitoken.tests.entra.EmulatorHttp.json;
import static io.github.pbitoken.tests.entra.EmulatorHttp.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's endpoints over plain HTTPS, checked against Entra ID's protocol. */
class EntraProtocolTest {
  private static final String TENANT = SandboxDirectory.TENANT_ID;
  private static EntraEmulator emulator;
  private EmulatorHttp http;

  @BeforeAll
  static void startEmulator() {
    emulator = EntraEmulator.shared();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
    http = new EmulatorHttp(emulator);
  }

  @Test
  void givenEmulatorCa_whenReadingOpenIdConfigurationWithHttpsUrlConnection_thenEndpointsAreLocal()
      throws Exception {
    HttpsURLConnection connection = openIdConnection(TENANT);
    connection.setSSLSocketFactory(emulator.clientSocketFactory());

    JsonNode metadata;
    try (InputStream body = connection.getInputStream()) {
      metadata = EmulatorHttp.JSON.readTree(body);
    }

    assertEquals(200, connection.getResponseCode());
    String base = emulator.baseUri() + "/" + TENANT;
    assertEquals(base + "/v2.0", metadata.path("issuer").asText());
    assertEquals(base + "/oauth2/v2.0/token", metadata.path("token_endpoint").asText());
    assertEquals(base + "/oauth2/v2.0/authorize", metadata.path("authorization_endpoint").asText());
    assertEquals(
        base + "/oauth2/v2.0/devicecode", metadata.path("device_authorization_endpoint").asText());
    assertEquals(base + "/discovery/v2.0/keys", metadata.path("jwks_uri").asText());
  }

  @Test
  void givenJdkDefaultTrust_whenConnecting_thenHandshakeFails() throws Exception {
    HttpsURLConnection connection = openIdConnection(TENANT);

    assertThrows(SSLHandshakeException.class, connection::getResponseCode);
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void givenTenantDomain_whenReadingOpenIdConfiguration_thenAnsweredWithTenantId()
      throws Exception {
    HttpResponse<String> response =
        http.get("/" + SandboxDirectory.TENANT_DOMAIN + "/v2.0/.well-known/openid-configuration");

    assertEquals(200, response.statusCode());
    assertEquals(
        emulator.baseUri() + "/" + TENANT + "/v2.0", json(response).path("issuer").asText());
  }

  @Test
  void givenUnknownTenant_whenReadingOpenIdConfiguration_thenEntraShapedInvalidTenant()
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    emulator
                        .baseUri()
                        .resolve("/nosuch.onmicrosoft.com/v2.0/.well-known/openid-configuration"))
                .header("client-request-id", "00000000-0000-0000-0000-00000000cafe")
                .build());

    assertEquals(400, response.statusCode());
    JsonNode error = json(response);
    assertEquals("invalid_tenant", error.path("error").asText());
    assertEquals(90002, error.path("error_codes").path(0).asInt());
    String description = error.path("error_description").asText();
    assertTrue(description.startsWith("AADSTS90002: Tenant 'nosuch.onmicrosoft.com' not found."));
    assertTrue(
        description.matches(
            ".* Trace ID: \\S+ Correlation ID: 00000000-0000-0000-0000-00000000cafe"
                + " Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"),
        description);
    assertEquals("00000000-0000-0000-0000-00000000cafe", error.path("correlation_id").asText());
    assertTrue(
        error.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"));
    assertEquals(
        response.headers().firstValue("x-ms-request-id").orElseThrow(),
        error.path("trace_id").asText());
    assertEquals(emulator.baseUri() + "/error?code=90002", error.path("error_uri").asText());
    assertEquals(
        "00000000-0000-0000-0000-00000000cafe",
        response.headers().firstValue("client-request-id").orElseThrow());
    assertEquals(
        "application/json; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
  }

  @Test
  void givenKeysEndpoint_whenReading_thenJwksHoldsTheTokenSigningKey() throws Exception {
    JsonNode key = json(http.get("/" + TENANT + "/discovery/v2.0/keys")).path("keys").path(0);

    assertEquals(emulator.tokenSigningKeyId(), key.path("kid").asText());
    assertEquals(emulator.tokenSigningKeyId(), key.path("x5t").asText());
    assertEquals("RSA", key.path("kty").asText());
    assertEquals("sig", key.path("use").asText());
    assertFalse(key.path("x5c").path(0).asText().isEmpty());
    assertEquals(emulator.tokenSigningKey(), rsaKey(key));
  }

  @Test
  void givenAuthorizationEndpointOnEmulator_whenDiscoveringInstance_thenMetadataForLocalhostPort()
      throws Exception {
    String authorize = emulator.baseUri() + "/" + TENANT + "/oauth2/v2.0/authorize";

    HttpResponse<String> response =
        http.get(
            "/common/discovery/instance?api-version=1.1&authorization_endpoint="
                + URLEncoder.encode(authorize, StandardCharsets.UTF_8));

    assertEquals(200, response.statusCode());
    JsonNode document = json(response);
    assertEquals(EmulatorHttp.JSON.readTree(emulator.instanceDiscoveryResponse(TENANT)), document);
    JsonNode metadata = document.path("metadata").path(0);
    assertEquals(emulator.authorityHost(), metadata.path("preferred_cache").asText());
    assertEquals(
        List.of("localhost", emulator.authorityHost()),
        List.of(
            metadata.path("aliases").path(0).asText(), metadata.path("aliases").path(1).asText()));
  }

  @Test
  void givenForeignAuthorizationEndpoint_whenDiscoveringInstance_thenInvalidInstance50049()
      throws Exception {
    HttpResponse<String> response =
        http.get(
            "/common/discovery/instance?api-version=1.1&authorization_endpoint="
                + URLEncoder.encode(
                    "https://login.example.org/x/oauth2/v2.0/authorize", StandardCharsets.UTF_8));

    assertError(response, 400, "invalid_instance", 50049);
  }

  @Test
  void givenClientCredentials_whenPostingToTokenEndpoint_thenEntraShapedTokenResponse()
      throws Exception {
    HttpResponse<String> response = http.postToken(clientCredentialsForm());

    assertEquals(200, response.statusCode());
    JsonNode body = json(response);
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("token_type", "expires_in", "ext_expires_in", "access_token"), fields);
    assertEquals("Bearer", body.path("token_type").asText());
    assertEquals(3599, body.path("expires_in").asInt());
    assertEquals(3599, body.path("ext_expires_in").asInt());
    assertEquals(
        "no-store, no-cache", response.headers().firstValue("Cache-Control").orElseThrow());
  }

  @Test
  void givenIssuedToken_whenDecoding_thenV1ClaimsOfAnAppOnlyPowerBiToken() throws Exception {
    long before = System.currentTimeMillis() / 1000;
    Jwt token =
        Jwt.parse(json(http.postToken(clientCredentialsForm())).path("access_token").asText());

    JsonNode header = token.header();
    assertEquals("RS256", header.path("alg").asText());
    assertEquals("JWT", header.path("typ").asText());
    assertEquals(emulator.tokenSigningKeyId(), header.path("kid").asText());
    assertEquals(emulator.tokenSigningKeyId(), header.path("x5t").asText());
    assertTrue(token.isSignedBy(emulator.tokenSigningKey()));
    JsonNode claims = token.claims();
    Set<String> names = new TreeSet<>();
    claims.fieldNames().forEachRemaining(names::add);
    assertTrue(
        names.containsAll(
            Set.of(
                "aud",
                "iss",
                "iat",
                "nbf",
                "exp",
                "aio",
                "appid",
                "appidacr",
                "idp",
                "oid",
                "rh",
                "sub",
                "tid",
                "uti",
                "ver")),
        names.toString());
    String issuer = "https://sts.windows.net/" + TENANT + "/";
    assertEquals(issuer, claims.path("iss").asText());
    assertEquals(issuer, claims.path("idp").asText());
    assertEquals("1", claims.path("appidacr").asText());
    assertEquals("1.0", claims.path("ver").asText());
    assertEquals(
        SandboxDirectory.CONFIDENTIAL_CLIENT_SERVICE_PRINCIPAL_ID, claims.path("oid").asText());
    assertEquals(claims.path("oid").asText(), claims.path("sub").asText());
    assertTrue(claims.path("nbf").asLong() <= before);
    assertTrue(claims.path("exp").asLong() >= before + 3599);
  }

  @Test
  void givenTwoRequests_whenIssuing_thenEachTokenIsUnique() throws Exception {
    Jwt first =
        Jwt.parse(json(http.postToken(clientCredentialsForm())).path("access_token").asText());
    Jwt second =
        Jwt.parse(json(http.postToken(clientCredentialsForm())).path("access_token").asText());

    assertNotEquals(first.claim("uti"), second.claim("uti"));
  }

  @Test
  void givenClientSecretBasic_whenPostingToTokenEndpoint_thenTokenIssued() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (SandboxDirectory.CONFIDENTIAL_CLIENT_ID
                        + ":"
                        + URLEncoder.encode(
                            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
    Map<String, String> form =
        with(with(clientCredentialsForm(), "client_id", null), "client_secret", null);

    HttpResponse<String> response =
        http.send(
            http.tokenRequest(TENANT, form, EmulatorHttp.REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .build());

    assertEquals(200, response.statusCode());
  }

  @Test
  void givenNamedScope_whenAppOnly_thenInvalidScope1002012() throws Exception {
    HttpResponse<String> response =
        http.postToken(
            with(
                clientCredentialsForm(),
                "scope",
                SandboxDirectory.POWER_BI_RESOURCE + "/Dataset.ReadWrite.All"));

    assertError(response, 400, "invalid_scope", 1002012);
  }

  @Test
  void givenUnknownResource_whenAppOnly_thenInvalidResource500011() throws Exception {
    HttpResponse<String> response =
        http.postToken(
            with(
                clientCredentialsForm(),
                "scope",
                "https://analysis.windows.de/powerbi/api/.default"));

    assertError(response, 400, "invalid_resource", 500011);
  }

  @Test
  void givenTwoResources_whenAppOnly_thenMoreThanOneResource28000() throws Exception {
    HttpResponse<String> response =
        http.postToken(
            with(
                clientCredentialsForm(),
                "scope",
                SandboxDirectory.POWER_BI_DEFAULT_SCOPE + " https://graph.microsoft.com/.default"));

    assertError(response, 400, "invalid_scope", 28000);
  }

  @Test
  void givenNoSecret_whenConfidentialClient_thenInvalidClient7000218() throws Exception {
    HttpResponse<String> response =
        http.postToken(with(clientCredentialsForm(), "client_secret", null));

    assertError(response, 400, "invalid_client", 7000218);
  }

  @Test
  void givenPublicClientWithSecret_whenAppOnly_thenInvalidClient700025() throws Exception {
    HttpResponse<String> response =
        http.postToken(
            with(clientCredentialsForm(), "client_id", SandboxDirectory.PUBLIC_CLIENT_ID));

    assertError(response, 400, "invalid_client", 700025);
  }

  @Test
  void givenCommonAuthority_whenAppOnly_thenNoTenantInformation50059() throws Exception {
    HttpResponse<String> response =
        http.send(
            http.tokenRequest("common", clientCredentialsForm(), EmulatorHttp.REQUEST_TIMEOUT)
                .build());

    assertError(response, 400, "invalid_request", 50059);
  }

  @Test
  void givenTenantDomainAuthority_whenAppOnly_thenTokenForTenantId() throws Exception {
    HttpResponse<String> response =
        http.send(
            http.tokenRequest(
                    SandboxDirectory.TENANT_DOMAIN,
                    clientCredentialsForm(),
                    EmulatorHttp.REQUEST_TIMEOUT)
                .build());

    Jwt token = Jwt.parse(json(response).path("access_token").asText());
    assertEquals(TENANT, token.claim("tid").orElseThrow());
  }

  @Test
  void givenGetOnTokenEndpoint_whenRequesting_thenPostOnly900561() throws Exception {
    assertError(http.get("/" + TENANT + "/oauth2/v2.0/token"), 400, "invalid_request", 900561);
  }

  @Test
  void givenNoGrantType_whenPosting_thenMissingParameter900144() throws Exception {
    HttpResponse<String> response =
        http.postToken(with(clientCredentialsForm(), "grant_type", null));

    assertError(response, 400, "invalid_request", 900144);
  }

  @Test
  void givenUnsupportedGrantType_whenPosting_thenUnsupportedGrantType70003() throws Exception {
    HttpResponse<String> response =
        http.postToken(with(clientCredentialsForm(), "grant_type", "urn:example:unknown"));

    assertError(response, 400, "unsupported_grant_type", 70003);
  }

  @Test
  void givenUnknownPath_whenRequesting_then404() throws Exception {
    assertEquals(404, http.get("/" + TENANT + "/nothing/here").statusCode());
  }

  @Test
  void givenTokenRequest_whenRecorded_thenFormAndHeadersAvailableButToStringRedactsSecret()
      throws Exception {
    http.postToken(clientCredentialsForm());

    RecordedRequest recorded = emulator.requests().get(0);
    assertEquals("POST", recorded.method());
    assertEquals(
        SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET,
        recorded.formParam("client_secret").orElseThrow());
    assertTrue(recorded.header("CONTENT-TYPE").orElseThrow().startsWith("application/x-www-form"));
    assertFalse(recorded.toString().contains(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
  }

  @Test
  void givenRegisteredTenantAndApp_whenAppOnly_thenTokenForThem() throws Exception {
    String tenantId = "00000000-0000-0000-0000-0000000000a2";
    String clientId = "00000000-0000-0000-0000-0000000000c3";
    emulator.directory().registerTenant(new Tenant(tenantId, "Second", Set.of("second.example")));
    emulator
        .directory()
        .registerApp(
            AppRegistration.confidentialClient(tenantId, clientId, "second app", "sbx~second"));
    Map<String, String> form =
        with(with(clientCredentialsForm(), "client_id", clientId), "client_secret", "sbx~second");

    HttpResponse<String> response =
        http.send(http.tokenRequest("second.example", form, EmulatorHttp.REQUEST_TIMEOUT).build());

    Jwt token = Jwt.parse(json(response).path("access_token").asText());
    assertEquals(tenantId, token.claim("tid").orElseThrow());
    assertEquals(clientId, token.claim("appid").orElseThrow());
  }

  private static void assertError(
      HttpResponse<String> response, int status, String error, int aadstsCode) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode body = json(response);
    assertEquals(error, body.path("error").asText(), response.body());
    assertEquals(aadstsCode, body.path("error_codes").path(0).asInt(), response.body());
    assertTrue(
        body.path("error_description").asText().startsWith("AADSTS" + aadstsCode + ": "),
        response.body());
  }

  private static HttpsURLConnection openIdConnection(String tenant) throws Exception {
    URL url =
        emulator.baseUri().resolve("/" + tenant + "/v2.0/.well-known/openid-configuration").toURL();
    HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
    connection.setConnectTimeout(2_000);
    connection.setReadTimeout(5_000);
    return connection;
  }

  private static PublicKey rsaKey(JsonNode jwk) throws Exception {
    Base64.Decoder decoder = Base64.getUrlDecoder();
    BigInteger modulus = new BigInteger(1, decoder.decode(jwk.path("n").asText()));
    BigInteger exponent = new BigInteger(1, decoder.decode(jwk.path("e").asText()));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }
}
