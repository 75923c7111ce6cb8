package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.service.TokenPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache-file lookup answers only when the full path would give the same token, and otherwise
 * stays out of the way. The entries are shaped as MSAL4J 1.26.1 writes them.
 */
class PersistedTokenLookupTest {
  private static final String HOST = "login.microsoftonline.com";
  private static final String TENANT = "00000000-0000-0000-0000-0000000000a1";
  private static final String OTHER_TENANT = "00000000-0000-0000-0000-0000000000a2";
  private static final String CLIENT = "00000000-0000-0000-0000-0000000000c1";
  private static final String ALICE = "00000000-0000-0000-0000-00000000a11c." + TENANT;
  private static final String BOB = "00000000-0000-0000-0000-000000000b0b." + OTHER_TENANT;
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final String TARGET =
      "https://analysis.windows.net/powerbi/api/.default openid profile offline_access";

  @TempDir Path dir;
  private final List<String> accessTokens = new ArrayList<>();
  private final List<String> accounts = new ArrayList<>();

  @Test
  void anAppTokenWithAnHourLeftIsServedAsTheFullPathWouldServeIt() throws Exception {
    appToken("the-token", TENANT, TARGET, NOW.plusSeconds(3600), null);

    AccessToken token = appLookup().find(request(), NOW, TokenPolicy.DEFAULT).orElseThrow();

    assertEquals("the-token", token.value().reveal());
    assertEquals(NOW.plusSeconds(3600), token.expiresOn());
    assertEquals(TokenSource.CACHE, token.source());
    assertEquals(new TenantId(TENANT), token.tenant());
    assertEquals(Set.of(Cloud.PUBLIC.defaultScope()), token.scopes());
    assertEquals(null, token.account());
  }

  @Test
  void ofSeveralMatchingTokensTheLongestLivedIsServed() throws Exception {
    appToken("older", TENANT, TARGET, NOW.plusSeconds(1800), null);
    appToken("newer", TENANT, TARGET, NOW.plusSeconds(3600), null);

    assertEquals(
        "newer",
        appLookup().find(request(), NOW, TokenPolicy.DEFAULT).orElseThrow().value().reveal());
  }

  @Test
  void tokensForAnotherAppTenantHostOrResourceAreNotServed() throws Exception {
    appToken("other-tenant", OTHER_TENANT, TARGET, NOW.plusSeconds(3600), null);
    appToken(
        "other-resource",
        TENANT,
        "https://graph.microsoft.com/.default",
        NOW.plusSeconds(3600),
        null);
    entry(
        accessTokens,
        "\"environment\":\"login.partner.microsoftonline.cn\",\"client_id\":\""
            + CLIENT
            + "\",\"realm\":\""
            + TENANT
            + "\",\"target\":\""
            + TARGET
            + "\",\"secret\":\"other-host\",\"expires_on\":\""
            + NOW.plusSeconds(3600).getEpochSecond()
            + "\"");
    entry(
        accessTokens,
        "\"environment\":\""
            + HOST
            + "\",\"client_id\":\"00000000-0000-0000-0000-0000000000c9\""
            + ",\"realm\":\""
            + TENANT
            + "\",\"target\":\""
            + TARGET
            + "\",\"secret\":\"other-app\",\"expires_on\":\""
            + NOW.plusSeconds(3600).getEpochSecond()
            + "\"");

    assertEquals(Optional.empty(), appLookup().find(request(), NOW, TokenPolicy.DEFAULT));
  }

  @Test
  void aTokenThatMsalOrThePolicyWouldRefreshIsLeftToTheFullPath() throws Exception {
    appToken("soon", TENANT, TARGET, NOW.plusSeconds(299), null);
    assertEquals(Optional.empty(), appLookup().find(request(), NOW, TokenPolicy.DEFAULT));

    TokenPolicy refreshTenMinutesAhead =
        new TokenPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
    accessTokens.clear();
    appToken("in-window", TENANT, TARGET, NOW.plusSeconds(599), null);
    assertEquals(Optional.empty(), appLookup().find(request(), NOW, refreshTenMinutesAhead));
    assertTrue(appLookup().find(request(), NOW, TokenPolicy.DEFAULT).isPresent());

    accessTokens.clear();
    appToken("refresh-on-passed", TENANT, TARGET, NOW.plusSeconds(3600), NOW.minusSeconds(1));
    assertEquals(Optional.empty(), appLookup().find(request(), NOW, TokenPolicy.DEFAULT));
  }

  @Test
  void forcedRefreshesAndClaimsChallengesAlwaysGoToTheIdentityProvider() throws Exception {
    appToken("cached", TENANT, TARGET, NOW.plusSeconds(3600), null);

    assertEquals(
        Optional.empty(), appLookup().find(request().withForceRefresh(), NOW, TokenPolicy.DEFAULT));
    assertEquals(
        Optional.empty(),
        appLookup().find(request().withClaimsChallenge("{\"x\":1}"), NOW, TokenPolicy.DEFAULT));
  }

  @Test
  void aFileOthersMayReadOrThatIsNoPlainFileIsLeftToTheFullPath() throws Exception {
    appToken("cached", TENANT, TARGET, NOW.plusSeconds(3600), null);
    Path file = writeCache();
    PersistedTokenLookup lookup = PersistedTokenLookup.forApp(file, settings(CLIENT));
    assertTrue(lookup.find(request(), NOW, TokenPolicy.DEFAULT).isPresent());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertEquals(Optional.empty(), lookup.find(request(), NOW, TokenPolicy.DEFAULT));

    Path link = dir.resolve("link.json");
    Files.createSymbolicLink(link, file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertEquals(
        Optional.empty(),
        PersistedTokenLookup.forApp(link, settings(CLIENT))
            .find(request(), NOW, TokenPolicy.DEFAULT));
  }

  @Test
  void missingEmptyOrMalformedFilesAreLeftToTheFullPath() throws Exception {
    for (String content : List.of("", "{", "[]", "{\"AccessToken\":[1,2]}", "\u0000\u0001")) {
      Path file = dir.resolve("cache.json");
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      assertEquals(
          Optional.empty(),
          PersistedTokenLookup.forApp(file, settings(CLIENT))
              .find(request(), NOW, TokenPolicy.DEFAULT),
          content);
    }
    assertEquals(
        Optional.empty(),
        PersistedTokenLookup.forApp(dir.resolve("none.json"), settings(CLIENT))
            .find(request(), NOW, TokenPolicy.DEFAULT));
  }

  @Test
  void theOnlySignedInUserGetsTheirTokenWithTheirAccount() throws Exception {
    account(ALICE, "alice@sandbox.onmicrosoft.com", TENANT);
    userToken("alice-token", ALICE, TENANT);

    AccessToken token =
        userLookup(new DeviceCodeSignIn()).find(request(), NOW, TokenPolicy.DEFAULT).orElseThrow();

    assertEquals("alice-token", token.value().reveal());
    assertEquals(
        new Account(ALICE, "alice@sandbox.onmicrosoft.com", new TenantId(TENANT)), token.account());
  }

  @Test
  void withTwoPossibleUsersNothingIsGuessed() throws Exception {
    account(ALICE, "alice@sandbox.onmicrosoft.com", TENANT);
    account(BOB, "bob@other.onmicrosoft.com", OTHER_TENANT);
    userToken("alice-token", ALICE, TENANT);
    userToken("bob-token", BOB, "organizations");
    TokenRequest anyOrganisation = TokenRequest.of(new TenantId("organizations"), scopes());

    assertEquals(
        Optional.empty(),
        userLookup(new DeviceCodeSignIn()).find(anyOrganisation, NOW, TokenPolicy.DEFAULT));
    assertEquals(
        "alice-token",
        userLookup(new DeviceCodeSignIn())
            .find(request(), NOW, TokenPolicy.DEFAULT)
            .orElseThrow()
            .value()
            .reveal(),
        "a specific tenant narrows it down to one user, as MSAL's account choice does");
    assertEquals(
        "bob-token",
        userLookup(new UsernamePasswordSignIn("BOB@other.onmicrosoft.com", Secret.of("pw")))
            .find(
                TokenRequest.of(new TenantId("organizations"), scopes()), NOW, TokenPolicy.DEFAULT)
            .orElseThrow()
            .value()
            .reveal(),
        "username-password names its user");
  }

  @Test
  void aTokenIsServedOnlyToARequestNamingTheTenantItWasFiledUnder() throws Exception {
    account(ALICE, "alice@sandbox.onmicrosoft.com", TENANT);
    userToken("alice-token", ALICE, TENANT);

    assertEquals(
        Optional.empty(),
        userLookup(new DeviceCodeSignIn())
            .find(
                TokenRequest.of(new TenantId("fabrikam.onmicrosoft.com"), scopes()),
                NOW,
                TokenPolicy.DEFAULT),
        "MSAL would ask fabrikam's authority, not serve the home tenant's token");
  }

  @Test
  void anAccountMsalFiledUnderTwoTenantsIsOneAccount() throws Exception {
    account(ALICE, "alice@sandbox.onmicrosoft.com", TENANT);
    account(ALICE, "alice@sandbox.onmicrosoft.com", "organizations");
    userToken("alice-token", ALICE, TENANT);

    assertEquals(
        "alice-token",
        userLookup(new DeviceCodeSignIn())
            .find(request(), NOW, TokenPolicy.DEFAULT)
            .orElseThrow()
            .value()
            .reveal());
  }

  @Test
  void aUserFlowNeverServesAnAppOnlyToken() throws Exception {
    appToken("app-token", TENANT, TARGET, NOW.plusSeconds(3600), null);

    assertEquals(
        Optional.empty(),
        userLookup(new DeviceCodeSignIn()).find(request(), NOW, TokenPolicy.DEFAULT));
  }

  private PersistedTokenLookup appLookup() throws Exception {
    return PersistedTokenLookup.forApp(writeCache(), settings(CLIENT));
  }

  private PersistedTokenLookup userLookup(UserSignIn signIn) throws Exception {
    return PersistedTokenLookup.forUser(writeCache(), settings(CLIENT), signIn);
  }

  private static MsalSettings settings(String clientId) {
    return new MsalSettings(
        Cloud.PUBLIC,
        null,
        new TenantId(TENANT),
        new ClientId(clientId),
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        1,
        null);
  }

  private static Set<Scope> scopes() {
    return Set.of(Cloud.PUBLIC.defaultScope());
  }

  private static TokenRequest request() {
    return TokenRequest.of(new TenantId(TENANT), scopes());
  }

  private void appToken(
      String secret, String realm, String target, Instant expiresOn, Instant refreshOn) {
    entry(
        accessTokens,
        "\"environment\":\""
            + HOST
            + "\",\"credential_type\":\"AccessToken\",\"client_id\":\""
            + CLIENT
            + "\",\"secret\":\""
            + secret
            + "\",\"realm\":\""
            + realm
            + "\",\"target\":\""
            + target
            + "\",\"cached_at\":\""
            + NOW.minusSeconds(60).getEpochSecond()
            + "\",\"expires_on\":\""
            + expiresOn.getEpochSecond()
            + "\""
            + (refreshOn == null ? "" : ",\"refresh_on\":\"" + refreshOn.getEpochSecond() + "\""));
  }

  private void userToken(String secret, String homeAccountId, String realm) {
    entry(
        accessTokens,
        "\"home_account_id\":\""
            + homeAccountId
            + "\",\"environment\":\""
            + HOST
            + "\",\"credential_type\":\"AccessToken\",\"client_id\":\""
            + CLIENT
            + "\",\"secret\":\""
            + secret
            + "\",\"realm\":\""
            + realm
            + "\",\"target\":\""
            + TARGET
            + "\",\"expires_on\":\""
            + NOW.plusSeconds(3600).getEpochSecond()
            + "\"");
  }

  private void account(String homeAccountId, String username, String realm) {
    entry(
        accounts,
        "\"home_account_id\":\""
            + homeAccountId
            + "\",\"environment\":\""
            + HOST
            + "\",\"realm\":\""
            + realm
            + "\",\"local_account_id\":\""
            + homeAccountId.substring(0, homeAccountId.indexOf('.'))
            + "\",\"username\":\""
            + username
            + "\",\"authority_type\":\"MSSTS\"");
  }

  private static void entry(List<String> section, String fields) {
    section.add("\"key-" + section.size() + "\":{" + fields + "}");
  }

  private Path writeCache() throws Exception {
    Path file = dir.resolve("cache.json");
    String json =
        "{\"AccessToken\":{"
            + String.join(",", accessTokens)
            + "},\"Account\":{"
            + String.join(",", accounts)
            + "},\"RefreshToken\":{},\"IdToken\":{},\"AppMetadata\":{}}";
    Files.writeString(file, json);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
