package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserFlowTypesTest {
  @Test
  void givenCacheContents_whenPrinted_thenTheRefreshTokensStayHidden() {
    CacheSnapshot snapshot =
        new CacheSnapshot(Secret.of("{\"RefreshToken\":\"canary-rt\"}"), "sha256:1");

    assertFalse(String.valueOf(snapshot).contains("canary-rt"));
  }

  @Test
  void givenAVersionWithoutContents_whenCreated_thenRejected() {
    assertThrows(IllegalArgumentException.class, () -> new CacheSnapshot(null, "sha256:1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CacheSnapshot(Secret.of("{}"), CacheSnapshot.ABSENT));
    assertTrue(CacheSnapshot.empty().serialized().isEmpty());
  }

  @Test
  void givenNeitherOrBothTargets_whenSigningOut_thenRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SignOutRequest(null, false));
    assertThrows(IllegalArgumentException.class, () -> new SignOutRequest("a@b.com", true));
    assertThrows(IllegalArgumentException.class, () -> SignOutRequest.user("  "));
  }

  @Test
  void givenAUser_whenMatching_thenCaseIsIgnored() {
    Account alice =
        new Account("oid.tid", "Alice@Contoso.com", new TenantId("contoso.onmicrosoft.com"));

    assertTrue(SignOutRequest.user("alice@contoso.com").matches(alice));
    assertFalse(SignOutRequest.user("bob@contoso.com").matches(alice));
    assertTrue(SignOutRequest.everyone().matches(alice));
  }

  @Test
  void givenARelativeUri_whenPromptingForADeviceCode_thenRejected() {
    Instant soon = Instant.parse("2030-01-01T00:00:00Z");
    assertThrows(
        IllegalArgumentException.class,
        () -> new DeviceCodePrompt("ABCD", URI.create("devicelogin"), soon, null));
    assertEquals(
        "ABCD",
        new DeviceCodePrompt("ABCD", URI.create("https://microsoft.com/devicelogin"), soon, null)
            .userCode());
  }
}
