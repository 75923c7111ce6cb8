package io.github.pbitoken.core.testing;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixtures: fake data that looks fake. */
public final class TestTokens {
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private TestTokens() {}

  public static TenantId anyTenantId() {
    return new TenantId("00000000-0000-0000-0000-000000000001");
  }

  public static Scope powerBiDefaultScope() {
    return Cloud.PUBLIC.defaultScope();
  }

  public static TokenRequest aRequest() {
    return TokenRequest.of(anyTenantId(), Set.of(powerBiDefaultScope()));
  }

  /** A token for {@link #aRequest()} that expires {@code lifetime} after {@code now}. */
  public static AccessToken aTokenValidFor(Instant now, Duration lifetime) {
    return new AccessToken(
        Secret.of("fake-access-token-" + SERIAL.incrementAndGet()),
        now.plus(lifetime),
        null,
        Set.of(powerBiDefaultScope()),
        anyTenantId(),
        null,
        TokenSource.IDENTITY_PROVIDER);
  }

  /** A token answering {@code request}: its scopes, tenant and account. */
  public static AccessToken aTokenFor(TokenRequest request, Instant now, Duration lifetime) {
    return new AccessToken(
        Secret.of("fake-access-token-" + SERIAL.incrementAndGet()),
        now.plus(lifetime),
        null,
        request.scopes(),
        request.tenant(),
        request.account(),
        TokenSource.IDENTITY_PROVIDER);
  }

  public static AccessToken aValidToken(Instant now) {
    return aTokenValidFor(now, Duration.ofHours(1));
  }
}
