package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenTest {
  private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void isUsableOnlyWithEnoughLifetimeLeft() {
    AccessToken token = TestTokens.aTokenValidFor(now, Duration.ofMinutes(10));

    assertTrue(token.isUsableAt(now, Duration.ofMinutes(9)));
    assertFalse(token.isUsableAt(now, Duration.ofMinutes(10)));
    assertFalse(token.isUsableAt(now.plus(Duration.ofMinutes(11)), Duration.ZERO));
  }

  @Test
  void refreshIsDueAheadOfExpiryOrAtTheProvidersRefreshOn() {
    AccessToken plain = TestTokens.aTokenValidFor(now, Duration.ofHours(1));
    AccessToken advised = withRefreshOn(plain, now.plus(Duration.ofMinutes(30)));

    assertEquals(now.plus(Duration.ofMinutes(55)), plain.refreshDueAt(Duration.ofMinutes(5)));
    assertEquals(now.plus(Duration.ofMinutes(30)), advised.refreshDueAt(Duration.ofMinutes(5)));
  }

  @Test
  void rejectsRefreshOnAfterExpiry() {
    AccessToken token = TestTokens.aTokenValidFor(now, Duration.ofHours(1));
    assertThrows(
        IllegalArgumentException.class, () -> withRefreshOn(token, now.plus(Duration.ofHours(2))));
  }

  @Test
  void reportsTimeLeft() {
    AccessToken token = TestTokens.aTokenValidFor(now, Duration.ofMinutes(10));
    assertEquals(Duration.ofMinutes(-1), token.remainingAt(now.plus(Duration.ofMinutes(11))));
  }

  @Test
  void changesSourceWithoutCopyingWhenUnchanged() {
    AccessToken token = TestTokens.aValidToken(now);

    assertSame(token, token.withSource(TokenSource.IDENTITY_PROVIDER));
    assertEquals(TokenSource.CACHE, token.withSource(TokenSource.CACHE).source());
  }

  @Test
  void requiresItsParts() {
    Secret value = Secret.of("fake");
    TenantId tenant = TestTokens.anyTenantId();
    Set<Scope> scopes = Set.of(Cloud.PUBLIC.defaultScope());
    TokenSource source = TokenSource.CACHE;
    assertThrows(
        NullPointerException.class,
        () -> new AccessToken(null, now, null, scopes, tenant, null, source));
    assertThrows(
        NullPointerException.class,
        () -> new AccessToken(value, null, null, scopes, tenant, null, source));
    assertThrows(
        NullPointerException.class,
        () -> new AccessToken(value, now, null, null, tenant, null, source));
    assertThrows(
        NullPointerException.class,
        () -> new AccessToken(value, now, null, scopes, null, null, source));
    assertThrows(
        NullPointerException.class,
        () -> new AccessToken(value, now, null, scopes, tenant, null, null));
  }

  private static AccessToken withRefreshOn(AccessToken token, Instant refreshOn) {
    return new AccessToken(
        token.value(),
        token.expiresOn(),
        refreshOn,
        token.scopes(),
        token.tenant(),
        null,
        token.source());
  }
}
