package io.github.pbitoken.console.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.cli.EffectiveSetting;
import io.github.pbitoken.console.cli.OutputFormat;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.msal.ClientSecretCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
  private static final String TENANT = "00000000-0000-0000-0000-0000000000a1";
  private static final String CLIENT = "00000000-0000-0000-0000-0000000000c1";
  private static final String SECRET = "canary-client-secret-7d1e";

  @TempDir Path dir;

  @Test
  void aMinimalFileGivesDefaultsForEverythingElse() throws Exception {
    AppSettings settings = load(file(minimal()), Map.of());

    assertAll(
        () -> assertEquals(Flow.CLIENT_SECRET, settings.flow()),
        () -> assertEquals(Cloud.PUBLIC, settings.msal().cloud()),
        () -> assertEquals("login.microsoftonline.com", settings.msal().authorityHost()),
        () -> assertEquals(TENANT, settings.msal().tenant().value()),
        () -> assertEquals(CLIENT, settings.msal().clientId().value()),
        () ->
            assertEquals(
                SECRET, ((ClientSecretCredential) settings.msal().credential()).secret().reveal()),
        () -> assertEquals(Duration.ofSeconds(10), settings.msal().connectTimeout()),
        () -> assertEquals(3, settings.msal().maxAttempts()),
        () -> assertEquals(Set.of(Cloud.PUBLIC.defaultScope()), settings.cli().request().scopes()),
        () -> assertEquals(OutputFormat.NONE, settings.cli().output()),
        () -> assertEquals(Duration.ofMinutes(5), settings.tokenPolicy().refreshBefore()));
  }

  @Test
  void anIncludeIsFoundNextToAConfigFileNamedByARelativePath() throws Exception {
    Path folder = Files.createDirectories(Path.of("target", "include-test"));
    Files.writeString(folder.resolve("base.conf"), minimal());
    Files.writeString(
        folder.resolve("app.conf"), "include \"base.conf\"\npbi-token.cloud = usgov\n");
    Path relative = Path.of("target", "include-test", "app.conf");

    AppSettings settings = SettingsLoader.load(relative, Map.of(), List.of());

    assertEquals(TENANT, settings.msal().tenant().value());
    assertEquals(Cloud.USGOV, settings.msal().cloud());
  }

  @Test
  void theDefaultTokenCacheIsUnderHomeAsTheShellKnowsIt() throws Exception {
    AppSettings settings = load(file(minimal()), Map.of("HOME", dir.toString()));

    assertEquals(
        dir.resolve(".pbi-token").resolve("msal-token-cache.json"), settings.tokenCache().file());
  }

  @Test
  void environmentOverridesTheFileAndOptionsOverrideTheEnvironment() throws Exception {
    Path file = file(minimal() + "pbi-token.cloud = usgov\n");
    Map<String, String> env =
        Map.of("PBI_TOKEN_CLOUD", "china", "PBI_TOKEN_HTTP_MAX_ATTEMPTS", "5");

    AppSettings fromEnv = SettingsLoader.load(file, env, List.of());
    AppSettings fromOption =
        SettingsLoader.load(
            file, env, List.of(new SettingOverride(SettingKey.CLOUD, "usgovhigh", "--cloud")));

    assertEquals(Cloud.CHINA, fromEnv.msal().cloud());
    assertEquals(5, fromEnv.msal().maxAttempts());
    assertEquals(Cloud.USGOVHIGH, fromOption.msal().cloud());
    assertEquals("login.microsoftonline.us", fromOption.msal().authorityHost());
  }

  @Test
  void readsTheAzureSdkVariablesButPrefersOurOwn() throws Exception {
    Map<String, String> env =
        Map.of(
            "AZURE_TENANT_ID", "contoso.onmicrosoft.com",
            "AZURE_CLIENT_ID", CLIENT,
            "AZURE_CLIENT_SECRET", SECRET,
            "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us/",
            "PBI_TOKEN_TENANT_ID", TENANT);

    AppSettings settings = SettingsLoader.load(null, env, List.of());

    assertEquals(TENANT, settings.msal().tenant().value());
    assertEquals("login.microsoftonline.us", settings.msal().authorityHost());
  }

  @Test
  void expandsBareScopeNamesForTheChosenCloud() throws Exception {
    AppSettings settings =
        load(file(minimal() + "pbi-token { cloud = china, scopes = [\".default\"] }\n"), Map.of());

    assertEquals(
        Set.of(Scope.of("https://analysis.chinacloudapi.cn/powerbi/api/.default")),
        settings.cli().request().scopes());
  }

  @Test
  void reportsEveryProblemAtOnceWithKeyAndFileAndLine() throws IOException {
    Path file =
        file(
            "pbi-token {\n"
                + "  tenant-id = \"not a tenant\"\n"
                + "  client-id = \"my-app\"\n"
                + "  cloud = germany\n"
                + "  http.connect-timeout = -5s\n"
                + "  http.max-attempts = 0\n"
                + "}\n");

    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> load(file, Map.of()));

    List<String> problems = e.problems();
    String name = file.toString();
    assertAll(
        () -> assertProblem(problems, "pbi-token.tenant-id (" + name + ":2): tenant id must be"),
        () -> assertProblem(problems, "pbi-token.client-id (" + name + ":3): client id must be"),
        () -> assertProblem(problems, "pbi-token.cloud (" + name + ":4): cloud must be one of"),
        () -> assertProblem(problems, "pbi-token.http.connect-timeout (" + name + ":5): must be"),
        () -> assertProblem(problems, "pbi-token.http.max-attempts (" + name + ":6): must be"),
        () -> assertProblem(problems, "pbi-token.client-secret (not set): required"),
        () -> assertFalse(e.nothingConfigured()));
  }

  @Test
  void neverEchoesASecretValue() throws IOException {
    Path file = file(minimal() + "pbi-token.client-secret = { nested = \"" + SECRET + "\" }\n");

    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> load(file, Map.of()));

    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertProblem(e.problems(), "pbi-token.client-secret (");
  }

  @Test
  void suggestsTheKeyAMisspeltOneMeant() throws IOException {
    Path file = file(minimal() + "pbi-token.tenant = oops\n");

    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> load(file, Map.of()));

    assertProblem(
        e.problems(),
        "pbi-token.tenant (" + file + ":4): not a pbi-token setting; did you mean 'tenant-id'?");
  }

  @Test
  void suggestsTheVariableAMisspeltOneMeant() throws IOException {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () -> load(file(minimal()), Map.of("PBI_TOKEN_TENANT", TENANT)));

    assertProblem(
        e.problems(),
        "environment variable PBI_TOKEN_TENANT: not a pbi-token setting; did you mean 'PBI_TOKEN_TENANT_ID'?");
  }

  @Test
  void namesTheEnvironmentVariableAsOrigin() throws IOException {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () -> load(file(minimal()), Map.of("AZURE_TENANT_ID", "nope")));

    assertProblem(e.problems(), "pbi-token.tenant-id (environment variable AZURE_TENANT_ID): ");
  }

  @Test
  void rejectsPlainHttpAuthorities() throws IOException {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                load(
                    file(minimal() + "pbi-token.authority-host = \"http://localhost:8443\"\n"),
                    Map.of()));

    assertProblem(e.problems(), "pbi-token.authority-host (");
    assertTrue(e.getMessage().contains("must use https"), e.getMessage());
  }

  @Test
  void rejectsDelegatedScopesOnAnAppOnlyFlow() throws IOException {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () -> load(file(minimal() + "pbi-token.scopes = [Dataset.ReadWrite.All]\n"), Map.of()));

    assertTrue(e.getMessage().contains("can only ask for .default"), e.getMessage());
  }

  @Test
  void rejectsScopesOfAnotherCloudOrResource() throws IOException {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                load(
                    file(
                        minimal()
                            + "pbi-token.scopes = [\"https://graph.microsoft.com/.default\"]\n"),
                    Map.of()));

    assertTrue(
        e.getMessage().contains("is not a Power BI scope of the public cloud"), e.getMessage());
  }

  @Test
  void reportsHoconSyntaxErrorsWithTheirLine() throws IOException {
    Path file = file("pbi-token {\n  tenant-id = \"x\n}\n");

    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> load(file, Map.of()));

    assertEquals(
        List.of(
            file
                + ":2: not valid HOCON: Expecting a value but got wrong token: 'newline' (JSON does not allow unescaped newline in quoted strings, use a backslash escape)"),
        e.problems());
  }

  @Test
  void reportsAMissingConfigFile() {
    Path missing = dir.resolve("nope.conf");

    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> load(missing, Map.of()));

    assertProblem(e.problems(), "--config " + missing + ": no readable file there");
  }

  @Test
  void knowsWhenNothingIsConfiguredAtAll() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class, () -> SettingsLoader.load(null, Map.of(), List.of()));

    assertTrue(e.nothingConfigured());
  }

  @Test
  void describesEveryKeyWithItsOriginAndMasksSecrets() throws Exception {
    Path file = file(minimal());

    List<EffectiveSetting> rows =
        SettingsLoader.describe(
            file,
            Map.of("PBI_TOKEN_CLOUD", "usgov"),
            List.of(new SettingOverride(SettingKey.OUTPUT, "json", "--output")));

    assertEquals(SettingKey.values().length, rows.size());
    assertFalse(rows.toString().contains(SECRET));
    assertTrue(rows.contains(new EffectiveSetting("pbi-token.client-secret", "****", file + ":3")));
    assertTrue(
        rows.contains(
            new EffectiveSetting(
                "pbi-token.cloud", "\"usgov\"", "environment variable PBI_TOKEN_CLOUD")));
    assertTrue(
        rows.contains(new EffectiveSetting("pbi-token.output", "\"json\"", "option --output")));
    assertTrue(rows.contains(new EffectiveSetting("pbi-token.http.max-attempts", "3", "default")));
  }

  @Test
  void everyKeyInTheCatalogHasADefaultOrIsDocumentedAsRequired() throws IOException {
    String reference =
        new String(
            SettingsLoaderTest.class.getResourceAsStream("/reference.conf").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    for (SettingKey key : SettingKey.values()) {
      String leaf = key.relativePath().substring(key.relativePath().lastIndexOf('.') + 1);
      assertTrue(reference.contains(leaf + " ="), "reference.conf documents " + key.path());
    }
  }

  private static void assertProblem(List<String> problems, String expectedStart) {
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith(expectedStart)),
        "expected a problem starting with '" + expectedStart + "' in " + problems);
  }

  private static String minimal() {
    return "pbi-token.tenant-id = \""
        + TENANT
        + "\"\npbi-token.client-id = \""
        + CLIENT
        + "\"\npbi-token.client-secret = \""
        + SECRET
        + "\"\n";
  }

  private Path file(String content) throws IOException {
    Path file = Files.createTempFile(dir, "app", ".conf");
    Files.writeString(file, content);
    return file;
  }

  private static AppSettings load(Path file, Map<String, String> env)
      throws InvalidSettingsException {
    return SettingsLoader.load(file, env, List.of());
  }
}
