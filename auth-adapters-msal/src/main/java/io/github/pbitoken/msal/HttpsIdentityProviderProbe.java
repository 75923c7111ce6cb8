package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.IHttpResponse;
import io.github.pbitoken.core.domain.TenantDiscovery;
import io.github.pbitoken.core.port.out.IdentityProviderProbe;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link IdentityProviderProbe} over the adapter's own {@link HttpsUrlConnectionClient}, so the
 * probe honours the configured trust store, proxy and timeouts exactly as sign-in does. Does not
 * use MSAL itself (no per-host static state).
 */
final class HttpsIdentityProviderProbe implements IdentityProviderProbe {
  private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

  private final HttpsUrlConnectionClient http;
  private final URL openIdConfiguration;

  HttpsIdentityProviderProbe(HttpsUrlConnectionClient http, MsalSettings settings) {
    this.http = http;
    try {
      this.openIdConfiguration =
          settings.authority().resolve("v2.0/.well-known/openid-configuration").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("authority is not a URL: " + settings.authority(), e);
    }
  }

  static HttpsIdentityProviderProbe create(MsalSettings settings) {
    return new HttpsIdentityProviderProbe(HttpsUrlConnectionClient.to(settings), settings);
  }

  @Override
  public TenantDiscovery discoverTenant() throws IOException {
    IHttpResponse response = http.get(openIdConfiguration);
    String errorCode = null;
    if (response.statusCode() >= 400 && response.body() != null) {
      Matcher code = AADSTS.matcher(response.body());
      errorCode = code.find() ? code.group() : null;
    }
    return new TenantDiscovery(response.statusCode(), errorCode, dateOf(response.headers()));
  }

  private static Instant dateOf(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("Date".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        try {
          return ZonedDateTime.parse(header.getValue().get(0), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
        } catch (DateTimeParseException e) {
          return null;
        }
      }
    }
    return null;
  }
}
