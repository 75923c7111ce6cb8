package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00000000-0000-0000-0000-000000000001",
        "contoso.onmicrosoft.com",
        "contoso.com",
        "organizations",
        "common",
        "consumers"
      })
  void acceptsTenantGuidsDomainsAndAliases(String value) {
    assertEquals(value, new TenantId(value).value());
  }

  @Test
  void normalisesTenantCaseAndWhitespace() {
    assertEquals(
        "00000000-0000-0000-0000-0000000000ab",
        new TenantId(" 00000000-0000-0000-0000-0000000000AB ").value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a tenant",
        "contoso",
        "00000000-0000-0000-0000",
        "https://x.com/",
        "a..b"
      })
  void rejectsMalformedTenants(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TenantId(value));
    assertTrue(e.getMessage().startsWith("tenant id must be"), e.getMessage());
  }

  @Test
  void knowsSpecificTenantsFromAliases() {
    assertTrue(new TenantId("contoso.com").isSpecificTenant());
    assertFalse(TenantId.ORGANIZATIONS.isSpecificTenant());
    assertFalse(TenantId.COMMON.isSpecificTenant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "04b07795", "04b07795-8ddb-461a-bbee-02f9e1bf7b4g", "my-app"})
  void rejectsMalformedClientIds(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ClientId(value));
    assertTrue(e.getMessage().startsWith("client id must be"), e.getMessage());
  }

  @Test
  void normalisesClientIds() {
    assertEquals(ClientId.AZURE_CLI, new ClientId("04B07795-8DDB-461A-BBEE-02F9E1BF7B46"));
  }

  @Test
  void accountsNeedAllTheirParts() {
    TenantId tenant = new TenantId("contoso.com");
    assertThrows(NullPointerException.class, () -> new Account(null, "a@contoso.com", tenant));
    assertThrows(NullPointerException.class, () -> new Account("oid.tid", null, tenant));
    assertThrows(NullPointerException.class, () -> new Account("oid.tid", "a@contoso.com", null));
    assertThrows(IllegalArgumentException.class, () -> new Account(" ", "a@contoso.com", tenant));
  }
}
