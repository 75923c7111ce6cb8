package io.github.pbitoken.tests.entra;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the emulator knows: tenants, app registrations, users and resources. It starts with the
 * sandbox data below (all ids look fake on purpose); tests may register more, and {@link
 * EntraEmulator#reset()} goes back to the sandbox data.
 */
public final class SandboxDirectory {
  public static final String TENANT_ID = "00000000-0000-0000-0000-0000000000a1";
  public static final String TENANT_DOMAIN = "sandbox.onmicrosoft.com";

  /**
   * A tenant that lives in another national cloud: asking this emulator for it gives AADSTS90038.
   */
  public static final String OTHER_CLOUD_TENANT_ID = "00000000-0000-0000-0000-0000000000a9";

  public static final String CONFIDENTIAL_CLIENT_ID = "00000000-0000-0000-0000-0000000000c1";
  public static final String CONFIDENTIAL_CLIENT_SECRET = "sbx~S3cret.Value.0000000000000000000000";
  public static final String CONFIDENTIAL_CLIENT_SERVICE_PRINCIPAL_ID =
      "00000000-0000-0000-0000-0000000000d1";

  public static final String PUBLIC_CLIENT_ID = "00000000-0000-0000-0000-0000000000c2";

  /** The Azure CLI's public client, which azure-identity uses when no client id is configured. */
  public static final String AZURE_CLI_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

  public static final String USER_NAME = "alice@sandbox.onmicrosoft.com";
  public static final String USER_PASSWORD = "sbx-Alice-Passw0rd!";
  public static final String USER_OBJECT_ID = "00000000-0000-0000-0000-0000000000b1";

  public static final String POWER_BI_RESOURCE = "https://analysis.windows.net/powerbi/api";
  public static final String POWER_BI_DEFAULT_SCOPE = POWER_BI_RESOURCE + "/.default";

  /** The Power BI resource of each cloud: public, usgov, usgovhigh, usgovdod, china. */
  public static final List<String> POWER_BI_RESOURCES =
      List.of(
          POWER_BI_RESOURCE,
          "https://analysis.usgovcloudapi.net/powerbi/api",
          "https://high.analysis.usgovcloudapi.net/powerbi/api",
          "https://mil.analysis.usgovcloudapi.net/powerbi/api",
          "https://analysis.chinacloudapi.cn/powerbi/api");

  /** Authority path segments that name no single tenant. */
  static final Set<String> MULTI_TENANT_ALIASES = Set.of("common", "organizations", "consumers");

  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
  private final Map<String, SandboxUser> users = new ConcurrentHashMap<>();
  private final Set<String> resources = ConcurrentHashMap.newKeySet();
  private final Map<String, List<X509Certificate>> certificates = new ConcurrentHashMap<>();
  private final Set<String> otherCloudTenants = ConcurrentHashMap.newKeySet();
  private final Map<String, List<FederatedCredential>> federatedCredentials =
      new ConcurrentHashMap<>();

  /** A directory holding only the sandbox data. */
  public static SandboxDirectory withSandboxData() {
    SandboxDirectory directory = new SandboxDirectory();
    directory.restoreSandboxData();
    return directory;
  }

  private SandboxDirectory() {}

  public void registerTenant(Tenant tenant) {
    tenants.put(tenant.id(), tenant);
  }

  /** Registers the app in its tenant; the tenant must be registered first. */
  public void registerApp(AppRegistration app) {
    if (!tenants.containsKey(app.tenantId())) {
      throw new IllegalArgumentException(
          "register tenant " + app.tenantId() + " before its app " + app.clientId());
    }
    apps.put(appKey(app.tenantId(), app.clientId()), app);
  }

  public void registerUser(SandboxUser user) {
    if (!tenants.containsKey(user.tenantId())) {
      throw new IllegalArgumentException(
          "register tenant " + user.tenantId() + " before its user " + user.username());
    }
    users.put(user.username(), user);
  }

  /** Adds a certificate (its public key) to an app's credentials, as uploading it does. */
  public void registerCertificate(String tenantId, String clientId, X509Certificate certificate) {
    AppRegistration app =
        findApp(tenantId, clientId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "register app " + clientId + " before its certificate"));
    certificates.merge(
        appKey(app.tenantId(), app.clientId()),
        List.of(certificate),
        (old, added) -> java.util.stream.Stream.concat(old.stream(), added.stream()).toList());
  }

  /** The certificates registered for an app; empty when it has none. */
  public List<X509Certificate> certificatesOf(String tenantId, String clientId) {
    return certificates.getOrDefault(appKey(tenantId, clientId), List.of());
  }

  /** Lets an external issuer's tokens about one subject sign the app in (workload identity). */
  public void registerFederatedCredential(
      String tenantId, String clientId, FederatedCredential credential) {
    AppRegistration app =
        findApp(tenantId, clientId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "register app " + clientId + " before its federated credential"));
    federatedCredentials.merge(
        appKey(app.tenantId(), app.clientId()),
        List.of(credential),
        (old, added) -> java.util.stream.Stream.concat(old.stream(), added.stream()).toList());
  }

  public List<FederatedCredential> federatedCredentialsOf(String tenantId, String clientId) {
    return federatedCredentials.getOrDefault(appKey(tenantId, clientId), List.of());
  }

  /** Records that {@code tenantIdOrDomain} exists, but in another national cloud than this one. */
  public void registerOtherCloudTenant(String tenantIdOrDomain) {
    otherCloudTenants.add(tenantIdOrDomain.toLowerCase(Locale.ROOT));
  }

  public boolean isInOtherCloud(String tenantIdOrDomain) {
    return otherCloudTenants.contains(tenantIdOrDomain.toLowerCase(Locale.ROOT));
  }

  /** Makes {@code resource} (an application ID URI such as a Power BI resource) requestable. */
  public void registerResource(String resource) {
    resources.add(normalizeResource(resource));
  }

  /** Finds a tenant by id or verified domain, ignoring case. */
  public Optional<Tenant> findTenant(String idOrDomain) {
    return tenants.values().stream().filter(tenant -> tenant.isNamedBy(idOrDomain)).findFirst();
  }

  public Optional<AppRegistration> findApp(String tenantId, String clientId) {
    return Optional.ofNullable(apps.get(appKey(tenantId, clientId)));
  }

  public Optional<SandboxUser> findUser(String username) {
    return Optional.ofNullable(users.get(username.toLowerCase(Locale.ROOT)));
  }

  public boolean isKnownResource(String resource) {
    return resources.contains(normalizeResource(resource));
  }

  /** Forgets everything registered since start, keeping only the sandbox data. */
  void restoreSandboxData() {
    tenants.clear();
    apps.clear();
    users.clear();
    resources.clear();
    certificates.clear();
    otherCloudTenants.clear();
    registerOtherCloudTenant(OTHER_CLOUD_TENANT_ID);
    federatedCredentials.clear();
    registerTenant(new Tenant(TENANT_ID, "Sandbox", Set.of(TENANT_DOMAIN)));
    registerApp(
        new AppRegistration(
            TENANT_ID,
            CONFIDENTIAL_CLIENT_ID,
            "pbi-token sandbox service principal",
            CONFIDENTIAL_CLIENT_SERVICE_PRINCIPAL_ID,
            List.of(CONFIDENTIAL_CLIENT_SECRET)));
    registerApp(
        AppRegistration.publicClient(TENANT_ID, PUBLIC_CLIENT_ID, "pbi-token sandbox public"));
    registerApp(
        AppRegistration.publicClient(TENANT_ID, AZURE_CLI_CLIENT_ID, "Microsoft Azure CLI"));
    registerUser(new SandboxUser(TENANT_ID, USER_NAME, USER_PASSWORD, USER_OBJECT_ID, "Alice"));
    POWER_BI_RESOURCES.forEach(this::registerResource);
  }

  private static String appKey(String tenantId, String clientId) {
    return tenantId + "/" + clientId.toLowerCase(Locale.ROOT);
  }

  private static String normalizeResource(String resource) {
    return resource.toLowerCase(Locale.ROOT);
  }
}
