package io.github.pbitoken.console.config;

import static io.github.pbitoken.console.config.SettingKey.AUTHORITY_HOST;
import static io.github.pbitoken.console.config.SettingKey.CLIENT_ID;
import static io.github.pbitoken.console.config.SettingKey.CLOUD;
import static io.github.pbitoken.console.config.SettingKey.FLOW;
import static io.github.pbitoken.console.config.SettingKey.HTTP_ACQUIRE_TIMEOUT;
import static io.github.pbitoken.console.config.SettingKey.HTTP_CONNECT_TIMEOUT;
import static io.github.pbitoken.console.config.SettingKey.HTTP_MAX_ATTEMPTS;
import static io.github.pbitoken.console.config.SettingKey.HTTP_READ_TIMEOUT;
import static io.github.pbitoken.console.config.SettingKey.OUTPUT;
import static io.github.pbitoken.console.config.SettingKey.SCOPES;
import static io.github.pbitoken.console.config.SettingKey.TENANT_ID;
import static io.github.pbitoken.console.config.SettingKey.TOKEN_CACHE_ENABLED;
import static io.github.pbitoken.console.config.SettingKey.TOKEN_CACHE_FILE;
import static io.github.pbitoken.console.config.SettingKey.TOKEN_FAILURE_BACKOFF;
import static io.github.pbitoken.console.config.SettingKey.TOKEN_MIN_REMAINING_LIFETIME;
import static io.github.pbitoken.console.config.SettingKey.TOKEN_REFRESH_BEFORE;
import static io.github.pbitoken.console.config.SettingKey.TRUST_STORE;
import static io.github.pbitoken.console.config.SettingsReader.nonNegativeDuration;
import static io.github.pbitoken.console.config.SettingsReader.positiveDuration;
import static io.github.pbitoken.console.config.SettingsReader.string;
import static io.github.pbitoken.console.config.SettingsReader.stringList;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import io.github.pbitoken.console.cli.CliSettings;
import io.github.pbitoken.console.cli.EffectiveSetting;
import io.github.pbitoken.console.cli.OutputFormat;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.msal.ClientCredential;
import io.github.pbitoken.msal.HttpProxy;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.msal.UserSignInSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the layered configuration once and turns it into typed settings, reporting every problem at
 * once as an {@link InvalidSettingsException}.
 */
public final class SettingsLoader {
  private SettingsLoader() {}

  public static AppSettings load(
      Path configFile, Map<String, String> env, List<SettingOverride> overrides)
      throws InvalidSettingsException {
    List<String> problems = new ArrayList<>();
    Config config = ConfigLayers.stack(configFile, env, overrides, problems);
    reportUnknownKeys(config, problems);
    SettingsReader read = new SettingsReader(config, problems);

    Flow flow = FlowInference.flow(read, config);
    Cloud cloud = read.defaulted(CLOUD, (c, p) -> Cloud.fromConfigName(c.getString(p)));
    String authorityHost = read.optional(AUTHORITY_HOST, SettingsLoader::authorityHost);
    TenantId tenant =
        flow == Flow.MANAGED_IDENTITY
            ? ManagedIdentitySettings.tenant(read)
            : read.required(
                TENANT_ID,
                (c, p) -> new TenantId(c.getString(p)),
                "the directory (tenant) id, a GUID or a domain such as contoso.onmicrosoft.com");
    boolean userFlow = flow != null && flow.isUserFlow();
    ClientId clientId =
        flow == Flow.MANAGED_IDENTITY
            ? ManagedIdentitySettings.clientId(read)
            : userFlow
                ? read.optional(CLIENT_ID, (c, p) -> new ClientId(c.getString(p)))
                : read.required(
                    CLIENT_ID,
                    (c, p) -> new ClientId(c.getString(p)),
                    "the app registration's Application (client) ID");
    List<String> notices = new ArrayList<>();
    if (userFlow && !read.isSet(CLIENT_ID)) {
      clientId = ClientId.AZURE_CLI;
      notices.add(UserFlowReader.WELL_KNOWN_CLIENT_NOTICE);
    }
    UserSignInSettings userSignIn = UserFlowReader.read(read, flow);
    if (flow == Flow.USERNAME_PASSWORD) {
      notices.add(UserFlowReader.PASSWORD_FLOW_NOTICE);
    }
    ClientCredential credential =
        flow == null || userFlow
            ? null
            : ServicePrincipalCredentials.read(read, flow, Instant.now());
    List<String> scopeNames = read.optional(SCOPES, stringList());
    OutputFormat output =
        read.defaulted(OUTPUT, (c, p) -> OutputFormat.fromConfigName(c.getString(p)));
    Secret trustStorePassword =
        read.optional(SettingKey.TRUST_STORE_PASSWORD, (c, p) -> Secret.of(c.getString(p)));
    // only that it is there: its certificates are read where they are used (checkTrustStore)
    Path trustStore = read.optional(TRUST_STORE, SettingsLoader::readableFile);
    HttpProxy proxy = ProxySettings.read(read);
    Duration connectTimeout = read.optional(HTTP_CONNECT_TIMEOUT, positiveDuration());
    Duration readTimeout = read.optional(HTTP_READ_TIMEOUT, positiveDuration());
    Duration acquireTimeout = read.optional(HTTP_ACQUIRE_TIMEOUT, positiveDuration());
    Integer maxAttempts = read.optional(HTTP_MAX_ATTEMPTS, SettingsLoader::attempts);
    Duration refreshBefore = read.optional(TOKEN_REFRESH_BEFORE, nonNegativeDuration());
    Duration minRemaining = read.optional(TOKEN_MIN_REMAINING_LIFETIME, nonNegativeDuration());
    Duration failureBackoff = read.optional(TOKEN_FAILURE_BACKOFF, nonNegativeDuration());
    Boolean cacheEnabled = read.optional(TOKEN_CACHE_ENABLED, Config::getBoolean);
    Path cacheFile = read.optional(TOKEN_CACHE_FILE, SettingsLoader::cacheFile);
    Set<Scope> scopes =
        cloud == null || flow == null || scopeNames == null
            ? null
            : scopes(read, cloud, flow, scopeNames);
    if (tenant != null
        && flow != null
        && flow.isAppOnly()
        && flow != Flow.MANAGED_IDENTITY
        && !tenant.isSpecificTenant()) {
      read.problem(
          TENANT_ID,
          "the app-only flow "
              + flow.configName()
              + " needs the tenant's id or domain, not '"
              + tenant
              + "' (Entra ID answers AADSTS50059)");
    }
    TokenRequest request = tenant == null || scopes == null ? null : request(read, tenant, scopes);
    if (refreshBefore != null
        && minRemaining != null
        && minRemaining.compareTo(refreshBefore) > 0) {
      read.problem(
          TOKEN_MIN_REMAINING_LIFETIME,
          "must not exceed "
              + TOKEN_REFRESH_BEFORE.path()
              + " ("
              + refreshBefore.toSeconds()
              + "s), or tokens would expire from use before they are refreshed");
    }

    if (!problems.isEmpty()) {
      boolean nothingConfigured =
          !read.isSet(TENANT_ID)
              && !read.isSet(CLIENT_ID)
              && ConfigLayers.chosenFile(configFile) == null;
      throw new InvalidSettingsException(problems, nothingConfigured);
    }
    try {
      return new AppSettings(
          flow,
          new MsalSettings(
              cloud,
              authorityHost,
              tenant,
              clientId,
              credential,
              connectTimeout,
              readTimeout,
              acquireTimeout,
              maxAttempts,
              trustStore,
              trustStorePassword,
              proxy),
          new TokenPolicy(refreshBefore, minRemaining, failureBackoff),
          new CliSettings(request, output),
          new TokenCacheSettings(
              Boolean.TRUE.equals(cacheEnabled),
              cacheFile != null ? cacheFile : TokenCacheSettings.defaultFile(home(env))),
          userSignIn,
          notices);
    } catch (IllegalArgumentException crossFieldRule) {
      throw new InvalidSettingsException(SettingKey.ROOT + ": " + crossFieldRule.getMessage());
    }
  }

  /** Every known key with its effective value (secrets masked) and where that value came from. */
  public static List<EffectiveSetting> describe(
      Path configFile, Map<String, String> env, List<SettingOverride> overrides)
      throws InvalidSettingsException {
    Config config = ConfigLayers.stack(configFile, env, overrides, new ArrayList<>());
    List<EffectiveSetting> rows = new ArrayList<>();
    for (SettingKey key : SettingKey.values()) {
      if (key == FLOW) {
        rows.add(FlowInference.describe(config));
        continue;
      }
      if (!config.hasPath(key.path())) {
        rows.add(new EffectiveSetting(key.path(), "(not set)", "not set"));
        continue;
      }
      ConfigValue value = config.getValue(key.path());
      boolean blank = value.unwrapped().toString().isBlank();
      String shown =
          key.isSecret() && !blank ? "****" : value.render(ConfigRenderOptions.concise());
      rows.add(new EffectiveSetting(key.path(), shown, Origins.describe(value.origin())));
    }
    return rows;
  }

  private static void reportUnknownKeys(Config config, List<String> problems) {
    reportSettingsOutsideTheBlock(config, problems);
    if (!config.hasPath(SettingKey.ROOT)) {
      return;
    }
    Config ours;
    try {
      ours = config.getConfig(SettingKey.ROOT);
    } catch (ConfigException.WrongType e) {
      problems.add(
          SettingKey.ROOT + " (" + Origins.describe(e.origin()) + "): must be an object { ... }");
      return;
    }
    List<String> known = Arrays.stream(SettingKey.values()).map(SettingKey::relativePath).toList();
    ours.entrySet().stream()
        .filter(entry -> SettingKey.byRelativePath(entry.getKey()).isEmpty())
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry ->
                problems.add(
                    SettingKey.ROOT
                        + "."
                        + entry.getKey()
                        + " ("
                        + Origins.describe(entry.getValue().origin())
                        + "): not a pbi-token setting"
                        + DidYouMean.suggest(entry.getKey(), known)));
  }

  /**
   * A file may hold other applications' sections, so unknown top-level keys are theirs; but one
   * named like a pbi-token setting ({@code tenant-id = ...} without the block) is a mistake that
   * would otherwise be silently ignored.
   */
  private static void reportSettingsOutsideTheBlock(Config config, List<String> problems) {
    config.root().entrySet().stream()
        .filter(entry -> !entry.getKey().equals(SettingKey.ROOT))
        .filter(entry -> isSettingName(entry.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry ->
                problems.add(
                    entry.getKey()
                        + " ("
                        + Origins.describe(entry.getValue().origin())
                        + "): a pbi-token setting outside the block; put it inside "
                        + SettingKey.ROOT
                        + " { ... }"));
  }

  private static boolean isSettingName(String topLevelKey) {
    return Arrays.stream(SettingKey.values())
        .map(SettingKey::relativePath)
        .anyMatch(path -> path.equals(topLevelKey) || path.startsWith(topLevelKey + "."));
  }

  private static String authorityHost(Config config, String path) {
    String host = config.getString(path).trim();
    if (host.isEmpty()) {
      return null;
    }
    if (host.startsWith("http://")) {
      throw new IllegalArgumentException(
          "authority host must use https (Entra ID only speaks HTTPS), was '" + host + "'");
    }
    return MsalSettings.normaliseAuthorityHost(host);
  }

  private static Path readableFile(Config config, String path) {
    String name = string().parse(config, path);
    if (name.isEmpty()) {
      return null;
    }
    Path file = Path.of(name);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("no readable file at '" + file + "'");
    }
    return file;
  }

  /** A readable PEM bundle or PKCS#12 trust store that opens with the password. */
  /**
   * Reads the configured trust store as the adapter will: to be called before anything goes to the
   * network, so that a store without certificates, or with a wrong password, is a configuration
   * error naming the file rather than a TLS failure. Not part of {@link #load}: a token served from
   * the cache never opens the trust store, and reading it (the JDK's security providers,
   * certificate parsing) would be a third of such a run (docs/adr/0007).
   */
  public static void checkTrustStore(MsalSettings msal) throws InvalidSettingsException {
    Optional<Path> store = msal.extraTrust();
    if (store.isEmpty()) {
      return;
    }
    try {
      MsalAdapters.checkTrustStore(store.get(), msal.trustStorePassword());
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingsException(TRUST_STORE.path() + ": " + e.getMessage());
    }
  }

  /** {@code $HOME} as the shell knows it (the JVM's user.home comes from the password database). */
  private static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
  }

  /** Empty means the default file; an existing directory is a mistake, not a place to write. */
  private static Path cacheFile(Config config, String path) {
    String name = config.getString(path).trim();
    if (name.isEmpty()) {
      return null;
    }
    Path file = Path.of(name);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          "'"
              + file
              + "' is a directory; name a file in it, such as "
              + file.resolve("msal-token-cache.json"));
    }
    return file;
  }

  private static Integer attempts(Config config, String path) {
    int value = config.getInt(path);
    if (value < 1 || value > 10) {
      throw new IllegalArgumentException("must be between 1 and 10, was " + value);
    }
    return value;
  }

  private static Set<Scope> scopes(
      SettingsReader read, Cloud cloud, Flow flow, List<String> names) {
    if (names.isEmpty()) {
      read.problem(SCOPES, "must name at least one scope, e.g. [\".default\"]");
      return null;
    }
    Set<Scope> scopes = new LinkedHashSet<>();
    for (String name : names) {
      try {
        Scope scope = cloud.scope(name.trim());
        if (!scope.resource().equals(cloud.powerBiResource())) {
          read.problem(
              SCOPES,
              "'"
                  + name
                  + "' is not a Power BI scope of the "
                  + cloud.configName()
                  + " cloud (resource "
                  + cloud.powerBiResource()
                  + "); set cloud to match, or use bare names such as .default");
          return null;
        }
        if (flow.isAppOnly() && !scope.isDefault()) {
          read.problem(
              SCOPES,
              "'"
                  + name
                  + "' is a delegated permission; the app-only flow "
                  + flow.configName()
                  + " can only ask for .default");
          return null;
        }
        scopes.add(scope);
      } catch (IllegalArgumentException e) {
        read.problem(SCOPES, e.getMessage());
        return null;
      }
    }
    return scopes;
  }

  private static TokenRequest request(SettingsReader read, TenantId tenant, Set<Scope> scopes) {
    try {
      return TokenRequest.of(tenant, scopes);
    } catch (IllegalArgumentException e) {
      read.problem(SCOPES, e.getMessage());
      return null;
    }
  }
}
