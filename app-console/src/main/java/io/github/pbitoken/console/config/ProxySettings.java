package io.github.pbitoken.console.config;

import static io.github.pbitoken.console.config.SettingKey.HTTPS_PROXY;
import static io.github.pbitoken.console.config.SettingKey.HTTPS_PROXY_PASSWORD;
import static io.github.pbitoken.console.config.SettingKey.NO_PROXY;

import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.msal.HttpProxy;
import java.net.URI;
import java.util.List;

/**
 * Reads {@code https-proxy} ({@code http://[user@]host:port}, as {@code HTTPS_PROXY}), its password
 * (a separate secret key, so the URL can be shown) and {@code no-proxy}.
 */
final class ProxySettings {
  private ProxySettings() {}

  static HttpProxy read(SettingsReader read) {
    Secret password = read.optional(HTTPS_PROXY_PASSWORD, (c, p) -> Secret.of(c.getString(p)));
    List<String> noProxy =
        read.isSet(NO_PROXY)
            ? read.optional(NO_PROXY, (c, p) -> List.of(c.getString(p).split("[,\\s]+")))
            : List.of();
    return read.optional(
        HTTPS_PROXY,
        (c, p) -> proxy(c.getString(p).trim(), password, noProxy == null ? List.of() : noProxy));
  }

  private static HttpProxy proxy(String value, Secret password, List<String> noProxy) {
    URI uri;
    try {
      uri = URI.create(value.contains("://") ? value : "http://" + value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be a proxy URL such as http://proxy.contoso.com:3128");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
      throw new IllegalArgumentException(
          "must be a proxy URL such as http://proxy.contoso.com:3128 (scheme http, host and port)");
    }
    String user = uri.getUserInfo();
    if (user != null && user.contains(":")) {
      throw new IllegalArgumentException(
          "holds a password: keep only the user in the URL (http://user@host:port) and put the"
              + " password in https-proxy-password (PBI_TOKEN_HTTPS_PROXY_PASSWORD)");
    }
    return new HttpProxy(uri.getHost(), uri.getPort(), user, password, noProxy);
  }
}
