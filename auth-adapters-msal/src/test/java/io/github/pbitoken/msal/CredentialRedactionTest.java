package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records holding a secret never show it, however they are printed. */
class CredentialRedactionTest {
  private static final String RAW = "raw-secret-canary-8d21";

  @Test
  void aClientAssertionIsNeverPrinted() {
    assertFalse(String.valueOf(new ClientAssertionCredential(Secret.of(RAW))).contains(RAW));
  }

  @Test
  void aProxyPasswordIsNeverPrinted() {
    HttpProxy proxy = new HttpProxy("proxy.example", 3128, "pbi", Secret.of(RAW), List.of());

    assertFalse(String.valueOf(proxy).contains(RAW));
    assertTrue(String.valueOf(proxy).contains("proxy.example:3128"));
  }

  @Test
  void noProxyMatchesNamesAndDomainSuffixes() {
    HttpProxy proxy =
        new HttpProxy("proxy.example", 3128, null, null, List.of(".contoso.com", "localhost"));

    assertTrue(proxy.bypasses("login.contoso.com"));
    assertTrue(proxy.bypasses("LOCALHOST"));
    assertFalse(proxy.bypasses("login.microsoftonline.com"));
    assertFalse(proxy.bypasses("notcontoso.com"));
  }
}
