package io.github.pbitoken.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.msal.DeviceCodeSignIn;
import io.github.pbitoken.msal.UsernamePasswordSignIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings of the user flows and of the persistent token cache. */
class UserFlowSettingsTest {
  private static final String TENANT = "00000000-0000-0000-0000-0000000000a1";

  private static AppSettings load(Map<String, String> env) throws InvalidSettingsException {
    Map<String, String> all = new HashMap<>(env);
    all.put("PBI_TOKEN_TENANT_ID", TENANT);
    return SettingsLoader.load(null, all, List.of());
  }

  @Test
  void givenDeviceCodeWithoutAClientId_whenLoaded_thenTheWellKnownClientWithOneNotice()
      throws Exception {
    AppSettings settings =
        load(Map.of("PBI_TOKEN_FLOW", "device-code", "PBI_TOKEN_SCOPES", "Dataset.ReadWrite.All"));

    assertEquals(ClientId.AZURE_CLI, settings.msal().clientId());
    assertEquals(1, settings.notices().size());
    assertTrue(settings.notices().get(0).contains("register your own app"));
    assertNull(settings.msal().credential());
    assertInstanceOf(DeviceCodeSignIn.class, settings.userSignIn().signIn());
    assertTrue(settings.userSignIn().allowPrompt());
    assertEquals(Duration.ofMinutes(5), settings.userSignIn().signInTimeout());
    assertEquals(
        Scope.of("https://analysis.windows.net/powerbi/api/Dataset.ReadWrite.All"),
        settings.cli().request().scopes().iterator().next());
  }

  @Test
  void givenPromptOff_whenLoaded_thenNoPrompting() throws Exception {
    AppSettings settings =
        load(Map.of("PBI_TOKEN_FLOW", "device-code", "PBI_TOKEN_PROMPT", "false"));

    assertFalse(settings.userSignIn().allowPrompt());
  }

  @Test
  void givenUsernamePasswordWithoutCredentials_whenLoaded_thenBothProblemsAtOnce() {
    InvalidSettingsException invalid =
        assertThrows(
            InvalidSettingsException.class,
            () -> load(Map.of("PBI_TOKEN_FLOW", "username-password")));

    assertEquals(2, invalid.problems().size(), invalid.problems().toString());
    assertTrue(invalid.problems().get(0).startsWith("pbi-token.username (not set)"));
    assertTrue(invalid.problems().get(1).startsWith("pbi-token.password (not set)"));
  }

  @Test
  void givenUsernamePassword_whenLoaded_thenAWarningAndThePasswordNeverPrinted() throws Exception {
    AppSettings settings =
        load(
            Map.of(
                "PBI_TOKEN_FLOW", "username-password",
                "PBI_TOKEN_USERNAME", "alice@contoso.com",
                "PBI_TOKEN_PASSWORD", "canary-password-1f3a"));

    UsernamePasswordSignIn signIn =
        assertInstanceOf(UsernamePasswordSignIn.class, settings.userSignIn().signIn());
    assertEquals("canary-password-1f3a", signIn.password().reveal());
    assertFalse(String.valueOf(settings).contains("canary-password-1f3a"));
    assertTrue(settings.notices().stream().anyMatch(n -> n.contains("deprecated")));
  }

  @Test
  void givenNoCacheSettings_whenLoaded_thenPersistedUnderTheHomeDirectory() throws Exception {
    AppSettings settings =
        load(
            Map.of(
                "PBI_TOKEN_CLIENT_ID", "00000000-0000-0000-0000-0000000000c1",
                "PBI_TOKEN_CLIENT_SECRET", "canary-secret"));

    assertEquals(
        Path.of(System.getProperty("user.home"), ".pbi-token", "msal-token-cache.json"),
        settings.tokenCache().persistedFile().orElseThrow());
    assertNull(settings.userSignIn());
  }

  @Test
  void givenTheCacheTurnedOff_whenLoaded_thenNothingIsPersisted() throws Exception {
    AppSettings settings =
        load(
            Map.of(
                "PBI_TOKEN_CLIENT_ID", "00000000-0000-0000-0000-0000000000c1",
                "PBI_TOKEN_CLIENT_SECRET", "canary-secret",
                "PBI_TOKEN_TOKEN_CACHE_ENABLED", "false"));

    assertTrue(settings.tokenCache().persistedFile().isEmpty());
  }
}
