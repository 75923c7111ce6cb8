package io.github.pbitoken.tests.entra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** MSAL4J 1.26.1, the real client, against the shared emulator. */
class EntraEmulatorMsalTest {
  private static final String UNKNOWN_TENANT = "00000000-0000-0000-0000-0000000000ff";
  private static final String UNKNOWN_CLIENT = "00000000-0000-0000-0000-0000000000cf";
  static final List<String> POWER_BI_RESOURCES = SandboxDirectory.POWER_BI_RESOURCES;

  private static EntraEmulator emulator;
  private static ExecutorService msalExecutor;

  @BeforeAll
  static void startEmulator() {
    emulator = EntraEmulator.shared();
    msalExecutor = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopExecutor() {
    msalExecutor.shutdownNow();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
  }

  @Test
  void givenSandboxServicePrincipal_whenAcquiringPowerBiToken_thenOneRequestYieldsSignedToken()
      throws Exception {
    ConfidentialClientApplication app =
        app(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);

    IAuthenticationResult result = acquire(app, SandboxDirectory.POWER_BI_DEFAULT_SCOPE);

    assertEquals(1, emulator.requestCount());
    assertEquals(
        "/" + SandboxDirectory.TENANT_ID + "/oauth2/v2.0/token", emulator.requests().get(0).path());
    Jwt token = Jwt.parse(result.accessToken());
    assertTrue(token.isSignedBy(emulator.tokenSigningKey()));
    assertEquals(SandboxDirectory.POWER_BI_RESOURCE, token.claim("aud").orElseThrow());
    assertEquals(
        "https://sts.windows.net/" + SandboxDirectory.TENANT_ID + "/",
        token.claim("iss").orElseThrow());
    assertEquals(SandboxDirectory.TENANT_ID, token.claim("tid").orElseThrow());
    assertEquals(SandboxDirectory.CONFIDENTIAL_CLIENT_ID, token.claim("appid").orElseThrow());
    Duration lifetime = Duration.between(Instant.now(), result.expiresOnDate().toInstant());
    assertTrue(lifetime.compareTo(Duration.ofMinutes(55)) > 0, "expires in " + lifetime);
  }

  @Test
  void givenTokenAcquired_whenAcquiringAgain_thenMsalServesItFromCacheWithoutRequest()
      throws Exception {
    ConfidentialClientApplication app =
        app(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);
    String first = acquire(app, SandboxDirectory.POWER_BI_DEFAULT_SCOPE).accessToken();

    String second = acquire(app, SandboxDirectory.POWER_BI_DEFAULT_SCOPE).accessToken();

    assertEquals(first, second);
    assertEquals(1, emulator.requestCount());
  }

  @ParameterizedTest
  @FieldSource("POWER_BI_RESOURCES")
  void givenAnyCloudsPowerBiResource_whenAcquiring_thenAudienceIsThatResource(String resource)
      throws Exception {
    ConfidentialClientApplication app =
        app(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);

    IAuthenticationResult result = acquire(app, resource + "/.default");

    assertEquals(resource, Jwt.parse(result.accessToken()).claim("aud").orElseThrow());
  }

  @Test
  void givenWrongSecret_whenAcquiring_thenInvalidClient7000215With401() throws Exception {
    ConfidentialClientApplication app =
        app(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            "sbx~Not.The.Secret.000");

    MsalServiceException error = failure(app);

    assertEquals("invalid_client", error.errorCode());
    assertEquals(401, error.statusCode());
    assertTrue(error.getMessage().startsWith("AADSTS7000215:"), error.getMessage());
  }

  @Test
  void givenUnregisteredApp_whenAcquiring_thenUnauthorizedClient700016() throws Exception {
    ConfidentialClientApplication app =
        app(
            SandboxDirectory.TENANT_ID,
            UNKNOWN_CLIENT,
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);

    MsalServiceException error = failure(app);

    assertEquals("unauthorized_client", error.errorCode());
    assertEquals(400, error.statusCode());
    assertTrue(error.getMessage().startsWith("AADSTS700016:"), error.getMessage());
  }

  @Test
  void givenUnknownTenant_whenAcquiring_thenInvalidTenant90002() throws Exception {
    ConfidentialClientApplication app =
        app(
            UNKNOWN_TENANT,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);

    MsalServiceException error = failure(app);

    assertEquals("invalid_tenant", error.errorCode());
    assertEquals(400, error.statusCode());
    assertTrue(error.getMessage().startsWith("AADSTS90002:"), error.getMessage());
  }

  @Test
  void givenThrottledWithRetryAfter_whenAcquiring_thenMsalFailsAfterOneRequestWith429()
      throws Exception {
    emulator.queueTokenFaults(Fault.status(429, Duration.ofSeconds(30)));
    ConfidentialClientApplication app =
        app(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);

    MsalServiceException error = failure(app);

    assertEquals(429, error.statusCode());
    assertEquals(1, emulator.requestCount());
    // header names arrive as the JDK server spells them ("Retry-after"); HTTP ignores case
    assertEquals(
        List.of("30"),
        error.headers().entrySet().stream()
            .filter(header -> "Retry-After".equalsIgnoreCase(header.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow());
  }

  @Test
  void givenCorrelationIdSentByMsal_whenFailing_thenErrorCarriesIt() throws Exception {
    ConfidentialClientApplication app =
        app(
            SandboxDirectory.TENANT_ID,
            UNKNOWN_CLIENT,
            SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);

    MsalServiceException error = failure(app);

    String sent = emulator.requests().get(0).header("client-request-id").orElseThrow();
    assertEquals(sent, error.correlationId());
    assertTrue(error.getMessage().contains("Correlation ID: " + sent), error.getMessage());
  }

  private ConfidentialClientApplication app(String tenant, String clientId, String secret)
      throws MalformedURLException {
    return ConfidentialClientApplication.builder(
            clientId, ClientCredentialFactory.createFromSecret(secret))
        .authority(emulator.authority(tenant))
        .aadInstanceDiscoveryResponse(emulator.instanceDiscoveryResponse(tenant))
        .sslSocketFactory(emulator.clientSocketFactory())
        .executorService(msalExecutor)
        .connectTimeoutForDefaultHttpClient(2_000)
        .readTimeoutForDefaultHttpClient(5_000)
        .build();
  }

  private static IAuthenticationResult acquire(ConfidentialClientApplication app, String scope)
      throws InterruptedException, ExecutionException, TimeoutException {
    return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build())
        .get(10, TimeUnit.SECONDS);
  }

  private static MsalServiceException failure(ConfidentialClientApplication app) {
    ExecutionException thrown =
        assertThrows(
            ExecutionException.class, () -> acquire(app, SandboxDirectory.POWER_BI_DEFAULT_SCOPE));
    return assertInstanceOf(MsalServiceException.class, thrown.getCause());
  }
}
