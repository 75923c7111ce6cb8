package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.testing.TestTokens;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRequestTest {
  private final TenantId tenant = TestTokens.anyTenantId();

  @Test
  void needsAtLeastOneScope() {
    assertThrows(IllegalArgumentException.class, () -> TokenRequest.of(tenant, Set.of()));
  }

  @Test
  void rejectsScopesOfDifferentResources() {
    Set<Scope> mixed =
        Set.of(Cloud.PUBLIC.defaultScope(), Scope.of("https://graph.microsoft.com/.default"));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.of(tenant, mixed));
    assertTrue(e.getMessage().contains("one resource"), e.getMessage());
  }

  @Test
  void copiesItsScopes() {
    Set<Scope> scopes = new HashSet<>(Set.of(Cloud.PUBLIC.defaultScope()));
    TokenRequest request = TokenRequest.of(tenant, scopes);
    scopes.add(Cloud.PUBLIC.scope("Dataset.ReadWrite.All"));

    assertEquals(1, request.scopes().size());
  }

  @Test
  void rejectsBlankClaims() {
    TokenRequest request = TestTokens.aRequest();
    assertThrows(IllegalArgumentException.class, () -> request.withClaimsChallenge(" "));
  }

  @Test
  void cacheKeyIgnoresForceRefreshOnly() {
    TokenRequest request = TestTokens.aRequest();

    assertEquals(request, request.withForceRefresh().cacheKey());
    assertFalse(request.withClaimsChallenge("{}").cacheKey().claims().isEmpty());
    assertEquals(request, request.withClaimsChallenge("{}").withoutClaims());
  }
}
