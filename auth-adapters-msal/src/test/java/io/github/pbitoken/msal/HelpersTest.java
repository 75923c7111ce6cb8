package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter's small helpers: JSON, instance discovery, the error catalog, the back-off. */
class HelpersTest {

  @Test
  void givenJson_whenParsing_thenValuesComeBackTyped() throws Exception {
    Object parsed = Json.parse(" {\"a\":\"x\\n\\u0041\",\"b\":[1,-2.5e3,true,null],\"c\":{}} ");

    Map<?, ?> object = (Map<?, ?>) parsed;
    assertEquals("x\nA", object.get("a"));
    assertEquals(
        List.of(BigDecimal.ONE, new BigDecimal("-2.5e3"), true),
        ((List<?>) object.get("b")).subList(0, 3));
    assertEquals(Map.of(), object.get("c"));
  }

  @Test
  void givenBrokenOrDeepJson_whenParsing_thenMalformedWithoutEchoingIt() {
    for (String broken :
        new String[] {
          "",
          "{",
          "{\"a\":1,}",
          "[1 2]",
          "\"open",
          "{\"a\":01x}",
          "tru",
          "{} {}",
          "[".repeat(100) + "]".repeat(100)
        }) {
      Json.MalformedJsonException failure =
          assertThrows(Json.MalformedJsonException.class, () -> Json.parse(broken), broken);
      assertTrue(failure.getMessage().contains("offset"), failure.getMessage());
    }
  }

  @Test
  void givenAnyString_whenQuoted_thenItParsesBack() throws Exception {
    String nasty = "a\"b\\c\nd\te\u0001f/é";
    assertEquals(nasty, Json.parse(Json.quote(nasty)));
  }

  @Test
  void givenAKnownCloudHost_whenAnsweringDiscovery_thenTheHostIsNetworkCacheAndAlias()
      throws Exception {
    Map<?, ?> response =
        (Map<?, ?>)
            Json.parse(
                InstanceDiscovery.responseFor(
                    "login.microsoftonline.com", TestTokens.anyTenantId()));

    assertEquals(
        "https://login.microsoftonline.com/"
            + TestTokens.anyTenantId()
            + "/v2.0/.well-known/openid-configuration",
        response.get("tenant_discovery_endpoint"));
    Map<?, ?> metadata = (Map<?, ?>) ((List<?>) response.get("metadata")).get(0);
    assertEquals("login.microsoftonline.com", metadata.get("preferred_network"));
    assertEquals("login.microsoftonline.com", metadata.get("preferred_cache"));
    assertEquals(List.of("login.microsoftonline.com"), metadata.get("aliases"));
  }

  @Test
  void givenAHostWithAPort_whenAnsweringDiscovery_thenTheCacheEnvironmentKeepsThePort()
      throws Exception {
    Map<?, ?> metadata =
        (Map<?, ?>)
            ((List<?>)
                    ((Map<?, ?>)
                            Json.parse(
                                InstanceDiscovery.responseFor(
                                    "localhost:8443", TestTokens.anyTenantId())))
                        .get("metadata"))
                .get(0);

    assertEquals("localhost", metadata.get("preferred_network"));
    assertEquals("localhost:8443", metadata.get("preferred_cache"));
    assertEquals(List.of("localhost", "localhost:8443"), metadata.get("aliases"));
  }

  @Test
  void everyNonRetryableCodeOfEntraFactsIsInTheCatalogWithAHint() {
    for (int code : EntraErrorCatalog.NON_RETRYABLE) {
      EntraErrorCatalog.Entry entry =
          EntraErrorCatalog.lookup(code).orElseThrow(() -> new AssertionError(code));
      assertNotNull(entry.fixHint());
      assertFalse(entry.fixHint().isBlank());
    }
  }

  @Test
  void everyCatalogMessageIsOneLineAndNamesItsCode() {
    for (EntraErrorCatalog.Entry entry : EntraErrorCatalog.entries()) {
      String message = entry.message("app-id", "tenant-id");
      assertTrue(message.endsWith("(AADSTS" + entry.code() + ")"), message);
      assertFalse(message.contains("{") || message.contains("\n"), message);
      assertFalse(entry.fixHint().contains("\n"), entry.fixHint());
    }
  }

  @Test
  void givenRetries_whenBackingOff_thenTheWaitGrowsWithJitterUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    for (int i = 0; i < 50; i++) {
      assertBetween(backoff.delayBefore(1), 100, 200);
      assertBetween(backoff.delayBefore(2), 200, 400);
      assertBetween(backoff.delayBefore(3), 400, 800);
      assertBetween(backoff.delayBefore(10), 500, 1000);
      assertBetween(backoff.delayBefore(1000), 500, 1000);
    }
  }

  private static void assertBetween(Duration wait, long lowMillis, long highMillis) {
    assertTrue(
        wait.toMillis() >= lowMillis && wait.toMillis() <= highMillis,
        wait + " not in [" + lowMillis + ", " + highMillis + "] ms");
  }
}
