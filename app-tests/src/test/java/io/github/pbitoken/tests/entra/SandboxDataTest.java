package io.github.pbitoken.tests.entra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox directory and the value types: validation, and no secret in any toString. */
class SandboxDataTest {

  @Test
  void givenSandboxData_whenLookingUp_thenTenantAppsUserAndResourcesAreRegistered() {
    SandboxDirectory directory = SandboxDirectory.withSandboxData();

    Tenant tenant = directory.findTenant("SANDBOX.onmicrosoft.com").orElseThrow();
    assertEquals(SandboxDirectory.TENANT_ID, tenant.id());
    assertEquals(tenant, directory.findTenant(SandboxDirectory.TENANT_ID).orElseThrow());
    AppRegistration confidential =
        directory
            .findApp(SandboxDirectory.TENANT_ID, SandboxDirectory.CONFIDENTIAL_CLIENT_ID)
            .orElseThrow();
    assertTrue(confidential.acceptsSecret(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
    assertFalse(confidential.acceptsSecret("sbx~wrong"));
    assertTrue(
        directory
            .findApp(SandboxDirectory.TENANT_ID, SandboxDirectory.PUBLIC_CLIENT_ID)
            .orElseThrow()
            .isPublicClient());
    assertTrue(
        directory
            .findApp(SandboxDirectory.TENANT_ID, SandboxDirectory.AZURE_CLI_CLIENT_ID)
            .orElseThrow()
            .isPublicClient());
    assertEquals(
        SandboxDirectory.USER_PASSWORD,
        directory.findUser("Alice@Sandbox.onmicrosoft.com").orElseThrow().password());
    SandboxDirectory.POWER_BI_RESOURCES.forEach(
        resource -> assertTrue(directory.isKnownResource(resource), resource));
  }

  @Test
  void givenAppInUnregisteredTenant_whenRegistering_thenRejected() {
    SandboxDirectory directory = SandboxDirectory.withSandboxData();

    assertThrows(
        IllegalArgumentException.class,
        () ->
            directory.registerApp(
                AppRegistration.publicClient(
                    "00000000-0000-0000-0000-0000000000ff",
                    "00000000-0000-0000-0000-0000000000c9",
                    "orphan")));
  }

  @Test
  void givenIdThatIsNoGuid_whenCreatingTenant_thenRejectedNamingTheShape() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new Tenant("sandbox", "Sandbox", Set.of()));

    assertTrue(error.getMessage().contains("GUID"), error.getMessage());
  }

  @Test
  void givenValuesHoldingSecrets_whenPrinted_thenSecretsAreRedacted() {
    AppRegistration app =
        AppRegistration.confidentialClient(
            SandboxDirectory.TENANT_ID,
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            "app",
            "canary-secret-1");
    SandboxUser user =
        new SandboxUser(
            SandboxDirectory.TENANT_ID,
            "bob@sandbox.onmicrosoft.com",
            "canary-password-2",
            "00000000-0000-0000-0000-0000000000b2",
            "Bob");
    RecordedRequest request =
        new RecordedRequest(
            Instant.EPOCH,
            "POST",
            "/t/oauth2/v2.0/token",
            "",
            Map.of("Authorization", List.of("Basic canary-header-3")),
            Map.of("client_secret", "canary-secret-4", "grant_type", "client_credentials"));

    String printed = String.valueOf(app) + user + request;

    for (String canary :
        List.of("canary-secret-1", "canary-password-2", "canary-header-3", "canary-secret-4")) {
      assertFalse(printed.contains(canary), canary);
    }
  }

  @Test
  void givenIssuedToken_whenJwtPrinted_thenTokenIsNotShown() throws Exception {
    EntraEmulator emulator = EntraEmulator.shared();
    emulator.reset();
    String token =
        EmulatorHttp.json(
                new EmulatorHttp(emulator).postToken(EmulatorHttp.clientCredentialsForm()))
            .path("access_token")
            .asText();

    String printed = Jwt.parse(token).toString();

    for (String part : token.split("\\.")) {
      assertFalse(printed.contains(part));
    }
  }

  @Test
  void givenNotAJwt_whenParsing_thenRejected() {
    assertThrows(IllegalArgumentException.class, () -> Jwt.parse("a.b"));
    assertThrows(IllegalArgumentException.class, () -> Jwt.parse("!!.??.**"));
  }
}
