package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.testing.TestTokens;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MsalTokenAcquirerTest {
  private final String secret = Entra.canarySecret();
  private final IHttpClient http = mock(IHttpClient.class);

  private MsalTokenAcquirer acquirer(MsalSettings settings) {
    return MsalTokenAcquirer.create(settings, http, new RecordingSleeper(), Clock.systemUTC());
  }

  private MsalTokenAcquirer acquirer() {
    return acquirer(Entra.settings(secret));
  }

  private void givenTokensValidForAnHour() throws Exception {
    when(http.send(any())).thenAnswer(call -> Entra.token(Entra.fakeToken(), 3599));
  }

  private List<HttpRequest> sentRequests(int expected) throws Exception {
    ArgumentCaptor<HttpRequest> sent = ArgumentCaptor.forClass(HttpRequest.class);
    verify(http, times(expected)).send(sent.capture());
    return sent.getAllValues();
  }

  private static Map<String, String> form(HttpRequest request) {
    return Arrays.stream(request.body().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> pair[0],
                pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
  }

  @Test
  void givenAnEmptyCache_whenAcquiring_thenExactlyOneTokenRequestIsSent() throws Exception {
    givenTokensValidForAnHour();

    AccessToken token = acquirer().acquire(TestTokens.aRequest());

    HttpRequest only = sentRequests(1).get(0);
    assertEquals(
        "https://login.microsoftonline.com/" + TestTokens.anyTenantId() + "/oauth2/v2.0/token",
        only.url().toString());
    assertEquals("POST", only.httpMethod().name());
    Map<String, String> form = form(only);
    assertEquals("client_credentials", form.get("grant_type"));
    assertEquals(Entra.CLIENT_ID.value(), form.get("client_id"));
    assertTrue(form.get("scope").contains(TestTokens.powerBiDefaultScope().toString()));
    assertEquals(TokenSource.IDENTITY_PROVIDER, token.source());
    assertEquals(TestTokens.anyTenantId(), token.tenant());
    assertNull(token.account());
    assertTrue(token.scopes().contains(TestTokens.powerBiDefaultScope()));
  }

  @Test
  void givenATokenInMsalsCache_whenAcquiringAgain_thenNoRequestIsSentAndTheSourceIsCache()
      throws Exception {
    givenTokensValidForAnHour();
    TokenAcquirer acquirer = acquirer();
    AccessToken first = acquirer.acquire(TestTokens.aRequest());

    AccessToken second = acquirer.acquire(TestTokens.aRequest());

    sentRequests(1);
    assertEquals(TokenSource.CACHE, second.source());
    assertEquals(first.value(), second.value());
    assertEquals(first.expiresOn().getEpochSecond(), second.expiresOn().getEpochSecond());
  }

  @Test
  void givenATokenInMsalsCache_whenForcingARefresh_thenARequestIsSent() throws Exception {
    givenTokensValidForAnHour();
    TokenAcquirer acquirer = acquirer();
    AccessToken first = acquirer.acquire(TestTokens.aRequest());

    AccessToken forced = acquirer.acquire(TestTokens.aRequest().withForceRefresh());

    sentRequests(2);
    assertEquals(TokenSource.IDENTITY_PROVIDER, forced.source());
    assertFalse(first.value().equals(forced.value()));
  }

  @Test
  void givenACustomHostWithAPort_whenAcquiringTwice_thenOneRequestToThatPortAndACacheHit()
      throws Exception {
    givenTokensValidForAnHour();
    TokenAcquirer acquirer =
        acquirer(
            Entra.settings(secret, "entra-emulator.test:8443", Duration.ofSeconds(10), 3, null));

    acquirer.acquire(TestTokens.aRequest());
    AccessToken second = acquirer.acquire(TestTokens.aRequest());

    HttpRequest only = sentRequests(1).get(0);
    assertEquals(
        "https://entra-emulator.test:8443/" + TestTokens.anyTenantId() + "/oauth2/v2.0/token",
        only.url().toString());
    assertEquals(TokenSource.CACHE, second.source());
  }

  @Test
  void givenEachNationalCloud_whenAcquiring_thenOneRequestGoesToItsAuthorityHost()
      throws Exception {
    givenTokensValidForAnHour();
    List<String> urls = new CopyOnWriteArrayList<>();
    for (Cloud cloud : List.of(Cloud.USGOVHIGH, Cloud.CHINA)) {
      MsalSettings settings =
          new MsalSettings(
              cloud,
              null,
              TestTokens.anyTenantId(),
              Entra.CLIENT_ID,
              new ClientSecretCredential(io.github.pbitoken.core.domain.Secret.of(secret)),
              Duration.ofSeconds(2),
              Duration.ofSeconds(2),
              Duration.ofSeconds(10),
              1,
              null);
      TokenAcquirer acquirer = acquirer(settings);
      acquirer.acquire(TokenRequest.of(TestTokens.anyTenantId(), Set.of(cloud.defaultScope())));
      assertEquals(
          TokenSource.CACHE,
          acquirer
              .acquire(TokenRequest.of(TestTokens.anyTenantId(), Set.of(cloud.defaultScope())))
              .source());
    }
    sentRequests(2).forEach(request -> urls.add(request.url().getHost()));
    assertEquals(List.of("login.microsoftonline.us", "login.chinacloudapi.cn"), urls);
  }

  @Test
  void givenARefreshIn_whenAcquiring_thenTheTokenCarriesRefreshOn() throws Exception {
    when(http.send(any()))
        .thenAnswer(
            call ->
                Entra.json(
                    200,
                    "{\"token_type\":\"Bearer\",\"expires_in\":7200,\"ext_expires_in\":7200,"
                        + "\"refresh_in\":3600,\"access_token\":\""
                        + Entra.fakeToken()
                        + "\"}"));
    Instant before = Instant.now();

    AccessToken token = acquirer().acquire(TestTokens.aRequest());

    assertNotNull(token.refreshOn());
    assertTrue(
        Math.abs(Duration.between(before.plusSeconds(3600), token.refreshOn()).toSeconds()) <= 5,
        "refreshOn " + token.refreshOn());
    assertTrue(
        Math.abs(Duration.between(before.plusSeconds(7200), token.expiresOn()).toSeconds()) <= 5,
        "expiresOn " + token.expiresOn());
  }

  @Test
  void givenGrantedScopesThatDifferFromDefault_whenAcquiring_thenTheRequestedScopesAreKept()
      throws Exception {
    Scope readAll = Cloud.PUBLIC.scope("Dataset.Read.All");
    when(http.send(any()))
        .thenAnswer(
            call ->
                Entra.json(
                    200,
                    "{\"token_type\":\"Bearer\",\"scope\":\""
                        + readAll
                        + " openid profile\",\"expires_in\":3599,\"access_token\":\""
                        + Entra.fakeToken()
                        + "\"}"));

    AccessToken token = acquirer().acquire(TestTokens.aRequest());

    assertEquals(Set.of(TestTokens.powerBiDefaultScope(), readAll), token.scopes());
  }

  @Test
  void givenARequestForAnotherTenant_whenAcquiring_thenTheRequestGoesToThatTenant()
      throws Exception {
    givenTokensValidForAnHour();
    TenantId other = new TenantId("00000000-0000-0000-0000-000000000002");

    AccessToken token =
        acquirer().acquire(TokenRequest.of(other, Set.of(TestTokens.powerBiDefaultScope())));

    assertEquals(
        "https://login.microsoftonline.com/" + other + "/oauth2/v2.0/token",
        sentRequests(1).get(0).url().toString());
    assertEquals(other, token.tenant());
  }

  @Test
  void givenAClaimsChallenge_whenAcquiring_thenItIsSentAndTheCacheIsSkipped() throws Exception {
    givenTokensValidForAnHour();
    TokenAcquirer acquirer = acquirer();
    acquirer.acquire(TestTokens.aRequest());
    String challenge = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1700000000\"}}}";
    String base64 =
        java.util.Base64.getEncoder().encodeToString(challenge.getBytes(StandardCharsets.UTF_8));

    AccessToken token = acquirer.acquire(TestTokens.aRequest().withClaimsChallenge(base64));

    HttpRequest second = sentRequests(2).get(1);
    assertTrue(form(second).get("claims").contains("1700000000"), second.body());
    assertEquals(TokenSource.IDENTITY_PROVIDER, token.source());
  }

  @Test
  void givenAMalformedClaimsChallenge_whenAcquiring_thenIllegalArgument() throws Exception {
    givenTokensValidForAnHour();

    assertThrows(
        IllegalArgumentException.class,
        () -> acquirer().acquire(TestTokens.aRequest().withClaimsChallenge("not json!")));
  }

  @Test
  void givenAnAlreadyExpiredToken_whenAcquiring_thenUnexpectedResponse() throws Exception {
    String token = Entra.fakeToken();
    when(http.send(any())).thenAnswer(call -> Entra.token(token, 0));

    UnexpectedIdentityProviderResponseException failure =
        assertThrows(
            UnexpectedIdentityProviderResponseException.class,
            () -> acquirer().acquire(TestTokens.aRequest()));

    assertTrue(failure.getMessage().contains("expired"), failure.getMessage());
    assertFalse(String.valueOf(failure).contains(token));
  }

  @Test
  void givenARequestNamingAUser_whenAcquiring_thenIllegalArgument() {
    TokenRequest forAUser =
        TestTokens.aRequest()
            .forAccount(new Account("oid.tid", "someone@example.com", TestTokens.anyTenantId()));

    assertThrows(IllegalArgumentException.class, () -> acquirer().acquire(forAUser));
  }

  @Test
  void whenAcquiring_thenMsalRunsOnTheAdaptersNamedDaemonThreads() throws Exception {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    when(http.send(any()))
        .thenAnswer(
            call -> {
              threads.add(Thread.currentThread());
              return Entra.token(Entra.fakeToken(), 3599);
            });

    acquirer().acquire(TestTokens.aRequest());

    assertEquals(1, threads.size());
    assertTrue(threads.get(0).getName().startsWith("pbi-token-msal-"), threads.get(0).getName());
    assertTrue(threads.get(0).isDaemon());
  }

  @Test
  void everyKindOfClientCredentialIsMappedToMsal() {
    assertEquals(
        Set.of(ClientCredential.class.getPermittedSubclasses()),
        Set.copyOf(MsalTokenAcquirer.SUPPORTED_CREDENTIALS));
  }

  @Test
  void theFactoryBuildsAnAdapterWithoutTouchingTheNetwork() {
    TokenAcquirer built = MsalAdapters.tokenAcquirer(Entra.settings(secret));

    assertNotNull(built);
    assertFalse(String.valueOf(built).contains(secret));
  }
}
