package io.github.pbitoken.msal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Entra ID error numbers (AADSTS codes) users of these flows meet, as data: what kind of
 * failure each one is, what to say about it, and the one-line fix to print. Source: the table in
 * ENTRA-FACTS.md (Microsoft's identity-platform error reference).
 *
 * <p>Messages are templates: {@code {app}} becomes the client id and {@code {tenant}} the tenant.
 * They never hold the description text Entra ID sent (Microsoft: react to the codes, never parse
 * the text).
 */
final class EntraErrorCatalog {
  private EntraErrorCatalog() {}

  /** Which domain failure a code is. */
  enum Kind {
    CREDENTIALS_REJECTED,
    PERMISSION_MISSING,
    INTERACTION_REQUIRED,
    UNEXPECTED
  }

  /**
   * One known code.
   *
   * @param code the AADSTS number
   * @param kind which failure it is
   * @param problem what went wrong, with {@code {app}} and {@code {tenant}} placeholders
   * @param fixHint what the user should change
   */
  record Entry(int code, Kind kind, String problem, String fixHint) {
    /** The problem with the placeholders filled in, followed by {@code (AADSTS<code>)}. */
    String message(String app, String tenant) {
      return problem.replace("{app}", app).replace("{tenant}", tenant) + " (AADSTS" + code + ")";
    }
  }

  private static final String SIGN_IN_AGAIN = "sign in again (logout, then a user flow)";
  private static final String NOT_USERNAME_PASSWORD =
      "use interactive or device-code sign-in, not username/password";
  private static final String DEFAULT_SCOPE =
      "app-only flows need <resource>/.default; check the scope's spelling";

  private static final Map<Integer, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    // credentials: who the caller says it is
    add(
        7000215,
        Kind.CREDENTIALS_REJECTED,
        "the identity provider rejected the client secret of app {app} in tenant {tenant}",
        "use the secret's Value, not its Secret ID; check it exists and has not expired");
    add(
        7000222,
        Kind.CREDENTIALS_REJECTED,
        "the client secret of app {app} in tenant {tenant} has expired",
        "create a new secret or move to a certificate");
    add(
        700016,
        Kind.CREDENTIALS_REJECTED,
        "app {app} was not found in tenant {tenant}",
        "check client id, tenant and cloud; the app must exist or be consented in that tenant");
    add(
        90002,
        Kind.CREDENTIALS_REJECTED,
        "tenant {tenant} was not found (app {app})",
        "fix the tenant id/domain, or the cloud (authority host)");
    add(
        90038,
        Kind.CREDENTIALS_REJECTED,
        "tenant {tenant} belongs to another national cloud (app {app})",
        "set cloud to the tenant's cloud");
    add(
        50126,
        Kind.CREDENTIALS_REJECTED,
        "the identity provider rejected the username or password (app {app}, tenant {tenant})",
        "fix the credentials; prefer device code or interactive sign-in");
    add(
        50034,
        Kind.CREDENTIALS_REJECTED,
        "the user was not found in tenant {tenant} (app {app})",
        "wrong tenant, or invite the user as a guest");
    add(
        7000218,
        Kind.CREDENTIALS_REJECTED,
        "app {app} in tenant {tenant} must send a client secret or client assertion",
        "the app is not a public client: enable \"Allow public client flows\" or use a"
            + " secret/certificate");
    add(
        700025,
        Kind.CREDENTIALS_REJECTED,
        "app {app} in tenant {tenant} is a public client, but a client secret was sent",
        "remove the secret, or configure the app as confidential");
    add(
        700024,
        Kind.CREDENTIALS_REJECTED,
        "the client assertion of app {app} in tenant {tenant} is outside its valid time range",
        "check the clock (NTP); re-read the federated token file");
    add(
        700027,
        Kind.CREDENTIALS_REJECTED,
        "the identity provider could not verify the client certificate of app {app} in tenant"
            + " {tenant}",
        "upload this certificate (its .cer/.pem) to the app registration's Certificates & secrets,"
            + " or configure the certificate that is registered there");
    add(
        50013,
        Kind.CREDENTIALS_REJECTED,
        "the identity provider rejected the client assertion of app {app} in tenant {tenant}",
        "the assertion must be issued for this app and token endpoint, and each one used once;"
            + " check client-id, tenant, cloud and how the assertion is made");
    add(
        70021,
        Kind.CREDENTIALS_REJECTED,
        "no federated credential of app {app} in tenant {tenant} matches the federated token",
        "add a federated credential with the token's issuer, subject and audience"
            + " api://AzureADTokenExchange to the app registration");
    // permission: the caller is known but may not have this token
    add(
        65001,
        Kind.PERMISSION_MISSING,
        "app {app} has no consent for the requested scopes in tenant {tenant}",
        "consent to the Power BI delegated permissions (or have an admin grant them)");
    add(
        70011,
        Kind.PERMISSION_MISSING,
        "the identity provider rejected the requested scope for app {app} in tenant {tenant}",
        DEFAULT_SCOPE);
    add(
        1002012,
        Kind.PERMISSION_MISSING,
        "the identity provider rejected the requested scope for app {app} in tenant {tenant}",
        DEFAULT_SCOPE);
    add(
        500011,
        Kind.PERMISSION_MISSING,
        "the requested resource was not found in tenant {tenant} (app {app})",
        "wrong resource for this cloud, or Power BI not provisioned in the tenant");
    add(
        28000,
        Kind.PERMISSION_MISSING,
        "the requested scopes of app {app} mix more than one resource (tenant {tenant})",
        "ask for the scopes of one resource per request");
    add(
        53003,
        Kind.PERMISSION_MISSING,
        "Conditional Access blocked the sign-in of app {app} in tenant {tenant}",
        "see the sign-in logs; device code is often blocked by policy");
    // interaction: a user must sign in (again)
    add(
        50076,
        Kind.INTERACTION_REQUIRED,
        "multi-factor authentication is required for app {app} in tenant {tenant}",
        NOT_USERNAME_PASSWORD);
    add(
        50079,
        Kind.INTERACTION_REQUIRED,
        "multi-factor authentication registration is required (app {app}, tenant {tenant})",
        NOT_USERNAME_PASSWORD);
    add(
        50173,
        Kind.INTERACTION_REQUIRED,
        "the grant of app {app} in tenant {tenant} was revoked",
        SIGN_IN_AGAIN);
    add(
        700082,
        Kind.INTERACTION_REQUIRED,
        "the refresh token of app {app} in tenant {tenant} has expired",
        SIGN_IN_AGAIN);
    // known, but none of the above: reported as unexpected, with the fix
    add(
        50059,
        Kind.UNEXPECTED,
        "the request of app {app} named no specific tenant ({tenant})",
        "use a tenant id instead of common/organizations for this flow");
    add(
        50011,
        Kind.UNEXPECTED,
        "the redirect URI does not match the registration of app {app} in tenant {tenant}",
        "register http://localhost as a Mobile and desktop redirect URI");
    add(
        50196,
        Kind.UNEXPECTED,
        "the identity provider detected a request loop from app {app} in tenant {tenant}",
        "tokens are not being cached: cache them");
  }

  /**
   * Codes that no retry can fix (ENTRA-FACTS.md): the retry loop stops at once on these, whatever
   * kind they were translated to.
   */
  static final Set<Integer> NON_RETRYABLE =
      Set.of(
          7000215, 7000222, 700016, 65001, 50076, 50079, 90002, 50126, 500011, 70011, 50059,
          7000218, 50034, 53003);

  private static void add(int code, Kind kind, String problem, String fixHint) {
    ENTRIES.put(code, new Entry(code, kind, problem, fixHint));
  }

  /** What the catalog knows about {@code code}. */
  static Optional<Entry> lookup(int code) {
    return Optional.ofNullable(ENTRIES.get(code));
  }

  /** Every entry, in catalog order. */
  static Collection<Entry> entries() {
    return Collections.unmodifiableCollection(ENTRIES.values());
  }

  static boolean isNonRetryable(int code) {
    return NON_RETRYABLE.contains(code);
  }
}
