package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy for HTTPS (a {@code CONNECT} tunnel, so TLS stays end to end), as {@code
 * HTTPS_PROXY} names it, with optional Basic authentication, and the hosts that bypass it ({@code
 * NO_PROXY}: exact names, {@code .suffix} or {@code suffix} domains, or {@code *}).
 */
public record HttpProxy(String host, int port, String user, Secret password, List<String> noProxy) {

  public HttpProxy {
    Objects.requireNonNull(host, "proxy host must not be null");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("proxy port must be 1-65535, was " + port);
    }
    noProxy =
        noProxy.stream()
            .map(entry -> entry.trim().toLowerCase(Locale.ROOT))
            .filter(entry -> !entry.isEmpty())
            .toList();
  }

  /** The proxy to use for {@code targetHost}: none when NO_PROXY matches it. */
  Proxy proxyFor(String targetHost) {
    return bypasses(targetHost)
        ? Proxy.NO_PROXY
        : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  boolean bypasses(String targetHost) {
    String target = targetHost.toLowerCase(Locale.ROOT);
    for (String entry : noProxy) {
      String domain = entry.startsWith(".") ? entry.substring(1) : entry;
      if (entry.equals("*") || target.equals(domain) || target.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  /** Answers the proxy's 407 challenge (only the proxy's: never a server's). */
  Authenticator authenticator() {
    if (user == null) {
      return null;
    }
    char[] secret = password == null ? new char[0] : password.reveal().toCharArray();
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return getRequestorType() == RequestorType.PROXY
            ? new PasswordAuthentication(user, secret)
            : null;
      }
    };
  }

  @Override
  public String toString() {
    return "HttpProxy[" + host + ":" + port + ", user=" + user + ", noProxy=" + noProxy + "]";
  }
}
