package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MSAL's HTTP seam on the JDK's {@link HttpsURLConnection}: light to load (CLI start-up time
 * matters), with explicit connect and read timeouts (MSAL's default is to wait forever), the
 * adapter's trust ({@link TrustBundle}), no redirects, no HTTP caching, and a cap on the size of a
 * response body.
 *
 * <p>Only {@code https} URLs are accepted: nothing is ever sent in clear text over the network (the
 * managed-identity client alone may also reach the host's own loopback and link-local identity
 * endpoints, {@link #forManagedIdentity}). I/O failures propagate as {@link IOException}s, which
 * MSAL wraps and {@link MsalErrorTranslator} reports as an unavailable identity provider. Logs the
 * method, URL (no query), status and time at DEBUG; never a header or a body.
 */
final class HttpsUrlConnectionClient implements IHttpClient {
  private static final Logger log = LoggerFactory.getLogger(HttpsUrlConnectionClient.class);

  /** Entra ID token responses are a few KB; anything past this is cut off (and so not JSON). */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final SSLSocketFactory socketFactory;
  private final boolean localHttpAllowed;
  private final HttpProxy proxy;

  HttpsUrlConnectionClient(
      Duration connectTimeout, Duration readTimeout, SSLSocketFactory socketFactory) {
    this(connectTimeout, readTimeout, socketFactory, false, null);
  }

  /** Through {@code proxy} (null: none) unless the host bypasses it. */
  HttpsUrlConnectionClient(
      Duration connectTimeout,
      Duration readTimeout,
      SSLSocketFactory socketFactory,
      HttpProxy proxy) {
    this(connectTimeout, readTimeout, socketFactory, false, proxy);
  }

  private HttpsUrlConnectionClient(
      Duration connectTimeout,
      Duration readTimeout,
      SSLSocketFactory socketFactory,
      boolean localHttpAllowed,
      HttpProxy proxy) {
    this.connectTimeoutMillis = toTimeoutMillis(connectTimeout);
    this.readTimeoutMillis = toTimeoutMillis(readTimeout);
    this.socketFactory = Objects.requireNonNull(socketFactory, "socketFactory must not be null");
    this.localHttpAllowed = localHttpAllowed;
    this.proxy = proxy;
  }

  /**
   * The one way to Entra ID for every flow and for {@code doctor}: the settings' timeouts, trust
   * store (PEM, or PKCS#12 with its password) and proxy.
   */
  static HttpsUrlConnectionClient to(MsalSettings settings) {
    return new HttpsUrlConnectionClient(
        settings.connectTimeout(),
        settings.readTimeout(),
        TrustBundle.socketFactory(settings.extraTrust(), settings.trustStorePassword()),
        settings.proxy());
  }

  /**
   * For managed identity: Azure hosts serve it over plain HTTP on the machine itself (App Service's
   * {@code http://localhost:.../msi/token}, IMDS at {@code 169.254.169.254}); only those addresses
   * may be reached without TLS.
   */
  static HttpsUrlConnectionClient forManagedIdentity(
      Duration connectTimeout, Duration readTimeout, SSLSocketFactory socketFactory) {
    return new HttpsUrlConnectionClient(connectTimeout, readTimeout, socketFactory, true, null);
  }

  private boolean mayUsePlainHttp(URL url) {
    String host = url.getHost();
    return localHttpAllowed
        && "http".equalsIgnoreCase(url.getProtocol())
        && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("169.254.169.254"));
  }

  @Override
  public IHttpResponse send(HttpRequest request) throws IOException {
    return exchange(request.httpMethod().name(), request.url(), request.headers(), request.body());
  }

  /** A request that does not come from MSAL (the doctor's probe): same trust, proxy and limits. */
  IHttpResponse get(URL url) throws IOException {
    return exchange("GET", url, Map.of(), null);
  }

  private IHttpResponse exchange(String method, URL url, Map<String, String> headers, String body)
      throws IOException {
    if (!"https".equalsIgnoreCase(url.getProtocol()) && !mayUsePlainHttp(url)) {
      throw new IOException("refusing to send a request over " + url.getProtocol() + ", not https");
    }
    long started = System.nanoTime();
    HttpURLConnection connection =
        (HttpURLConnection)
            (proxy == null
                ? url.openConnection()
                : url.openConnection(proxy.proxyFor(url.getHost())));
    if (proxy != null && proxy.authenticator() != null) {
      connection.setAuthenticator(proxy.authenticator());
    }
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(socketFactory);
    }
    connection.setConnectTimeout(connectTimeoutMillis);
    connection.setReadTimeout(readTimeoutMillis);
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setRequestMethod(method);
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              connection.setRequestProperty(name, value);
            }
          });
    }
    if (body != null) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      connection.setDoOutput(true);
      // No streaming mode: with it, the JDK hides the body of a 401 (HttpRetryException), and
      // Entra ID explains a rejected client secret in exactly that body.
      try (OutputStream out = connection.getOutputStream()) {
        out.write(bytes);
      }
    }
    int status = connection.getResponseCode();
    HttpResponse response = new HttpResponse().statusCode(status);
    response.addHeaders(headersOf(connection));
    response.body(
        readBody(status >= 400 ? connection.getErrorStream() : connection.getInputStream()));
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {}://{}{} answered HTTP {} in {} ms",
          method,
          url.getProtocol(),
          url.getAuthority(),
          url.getPath(),
          status,
          Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
    return response;
  }

  private static Map<String, List<String>> headersOf(HttpURLConnection connection) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    connection
        .getHeaderFields()
        .forEach(
            (name, values) -> {
              if (name != null) { // the status line has a null name
                headers.put(name, values);
              }
            });
    return headers;
  }

  private static String readBody(InputStream stream) throws IOException {
    if (stream == null) {
      return "";
    }
    try (InputStream in = stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        int room = MAX_BODY_BYTES - out.size();
        out.write(buffer, 0, Math.min(read, room));
        if (read >= room) {
          break; // cut off: what was read is no longer valid JSON, and is reported as such
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static int toTimeoutMillis(Duration timeout) {
    long millis = Math.max(1, timeout.toMillis());
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }
}
