package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the MSAL adapter needs, as plain values: app-console builds it from HOCON, an
 * embedding service builds it in code.
 *
 * @param cloud the national cloud: Power BI resource and default authority host
 * @param authorityHost the Entra ID host to talk to, {@code host} or {@code host:port}; the cloud's
 *     own host unless overridden (as {@code AZURE_AUTHORITY_HOST} does)
 * @param tenant the tenant to sign in to
 * @param clientId the app registration's client id
 * @param credential how the app proves who it is; {@code null} for a public client (user sign-in
 *     flows), which proves nothing itself
 * @param connectTimeout bound on opening a connection to the identity provider
 * @param readTimeout bound on waiting for each response
 * @param acquireTimeout bound on one whole acquisition, retries included
 * @param maxAttempts how many times one acquisition may ask the identity provider (1 = no retry)
 * @param trustBundle a PEM bundle or PKCS#12 trust store of extra CA certificates to trust besides
 *     the JDK's, or {@code null}
 * @param trustStorePassword the PKCS#12 trust store's password, or {@code null}
 * @param proxy the HTTP proxy to reach Entra ID through, or {@code null} for none
 */
public record MsalSettings(
    Cloud cloud,
    String authorityHost,
    TenantId tenant,
    ClientId clientId,
    ClientCredential credential,
    Duration connectTimeout,
    Duration readTimeout,
    Duration acquireTimeout,
    int maxAttempts,
    Path trustBundle,
    Secret trustStorePassword,
    HttpProxy proxy) {

  public MsalSettings {
    Objects.requireNonNull(cloud, "cloud must not be null");
    Objects.requireNonNull(tenant, "tenant must not be null");
    Objects.requireNonNull(clientId, "client id must not be null");
    authorityHost =
        authorityHost == null ? cloud.authorityHost() : normaliseAuthorityHost(authorityHost);
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(readTimeout, "read timeout");
    requirePositive(acquireTimeout, "acquire timeout");
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException(
          "max attempts must be between 1 and 10, was " + maxAttempts);
    }
  }

  /** Settings without a trust store password (a PEM bundle, or none). */
  public MsalSettings(
      Cloud cloud,
      String authorityHost,
      TenantId tenant,
      ClientId clientId,
      ClientCredential credential,
      Duration connectTimeout,
      Duration readTimeout,
      Duration acquireTimeout,
      int maxAttempts,
      Path trustBundle) {
    this(
        cloud,
        authorityHost,
        tenant,
        clientId,
        credential,
        connectTimeout,
        readTimeout,
        acquireTimeout,
        maxAttempts,
        trustBundle,
        null,
        null);
  }

  /** The authority MSAL signs in against: {@code https://<host>/<tenant>/}. */
  public URI authority() {
    return URI.create("https://" + authorityHost + "/" + tenant.value() + "/");
  }

  /** The extra trusted CAs, if configured. */
  public Optional<Path> extraTrust() {
    return Optional.ofNullable(trustBundle);
  }

  /**
   * {@code host} or {@code host:port}, from what a user may write ({@code https://host/} too).
   *
   * @throws IllegalArgumentException for anything with a path or another scheme
   */
  public static String normaliseAuthorityHost(String host) {
    String trimmed = host.trim();
    if (trimmed.startsWith("https://")) {
      trimmed = trimmed.substring("https://".length());
    }
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty()
        || trimmed.contains("/")
        || trimmed.contains("://")
        || !isHostAndPort(trimmed)) {
      throw new IllegalArgumentException(
          "authority host must be a host name such as login.microsoftonline.com (optionally"
              + " https:// and :port), was '"
              + host
              + "'");
    }
    return trimmed;
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** A host name (or address) with an optional port 1-65535, and nothing else. */
  private static boolean isHostAndPort(String candidate) {
    try {
      URI uri = new URI("https://" + candidate + "/");
      return uri.getHost() != null
          && uri.getRawUserInfo() == null
          && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535))
          && !candidate.endsWith(":");
    } catch (URISyntaxException notAHost) {
      return false;
    }
  }
}
