package io.github.pbitoken.tests.entra;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Entra ID: an HTTPS server on 127.0.0.1, named {@code localhost}, that speaks the v2
 * protocol as MSAL4J uses it and issues RS256-signed v1 Power BI tokens for the {@link
 * SandboxDirectory}. Its TLS certificate comes from a CA made at start; clients must trust that CA
 * explicitly ({@link #clientSslContext()}, {@link #writeCaCertificatePem(Path)}).
 *
 * <p>MSAL4J keeps instance metadata per host name in static state, so a JVM should talk to one
 * emulator port: tests share {@link #shared()} and call {@link #reset()} between tests.
 */
public final class EntraEmulator implements AutoCloseable {
  public static final Duration DEFAULT_TOKEN_LIFETIME = EmulatorState.DEFAULT_TOKEN_LIFETIME;

  private static final Logger log = LoggerFactory.getLogger(EntraEmulator.class);
  private static final String HOST_NAME = "localhost";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);
  private static EntraEmulator shared;

  private final HttpsServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final TlsMaterial tls;
  private final TokenSigner signer;
  private final EmulatorState state;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EntraEmulator(
      HttpsServer server,
      ExecutorService executor,
      URI baseUri,
      TlsMaterial tls,
      TokenSigner signer,
      EmulatorState state) {
    this.server = server;
    this.executor = executor;
    this.baseUri = baseUri;
    this.tls = tls;
    this.signer = signer;
    this.state = state;
  }

  /** Starts on an ephemeral port. */
  public static EntraEmulator start() {
    return start(0);
  }

  /** Starts on {@code port} (0 for an ephemeral one). */
  public static EntraEmulator start(int port) {
    return start(port, Clock.systemUTC());
  }

  /**
   * Starts on {@code port} (0 for an ephemeral one), dating tokens and errors with {@code clock}.
   * Certificates always use the real time, so that TLS clients accept them.
   */
  public static EntraEmulator start(int port, Clock clock) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 (ephemeral) or 1-65535, was " + port);
    }
    TlsMaterial tls = TlsMaterial.generate(Clock.systemUTC().instant());
    TokenSigner signer = TokenSigner.generate(Clock.systemUTC().instant());
    EmulatorState state = new EmulatorState();
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    try {
      HttpsServer server = HttpsServer.create(new InetSocketAddress(loopback(), port), 64);
      server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
      server.setExecutor(executor);
      URI baseUri = URI.create("https://" + HOST_NAME + ":" + server.getAddress().getPort());
      server.createContext(
          "/",
          new EntraHttpHandler(
              baseUri, clock, state, EntraRoutes.create(baseUri, clock, state, signer)));
      server.start();
      log.debug("Entra ID emulator listening on {}", baseUri);
      return new EntraEmulator(server, executor, baseUri, tls, signer, state);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("could not listen on 127.0.0.1:" + port, e);
    }
  }

  /**
   * The emulator this JVM's tests share, started on first use on an ephemeral port and stopped when
   * the JVM exits. Don't close it; {@link #reset()} it instead.
   */
  public static synchronized EntraEmulator shared() {
    if (shared == null) {
      EntraEmulator started = start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "entra-emulator-shutdown"));
      shared = started;
    }
    if (shared.closed.get()) {
      throw new IllegalStateException(
          "the shared Entra ID emulator was closed; reset() it instead");
    }
    return shared;
  }

  /** {@code https://localhost:PORT}, no trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** {@code localhost:PORT}, the authority host as Azure tools configure it. */
  public String authorityHost() {
    return HOST_NAME + ":" + port();
  }

  public int port() {
    return baseUri.getPort();
  }

  /** The authority URL for {@code tenant} (id, domain or {@code common}), with a trailing slash. */
  public String authority(String tenant) {
    return baseUri + "/" + tenant + "/";
  }

  /** The token endpoint URL for {@code tenant}. */
  public URI tokenEndpoint(String tenant) {
    return URI.create(baseUri + "/" + tenant + "/oauth2/v2.0/token");
  }

  /**
   * The instance discovery document for an authority in {@code tenant}: pass it to MSAL4J's {@code
   * aadInstanceDiscoveryResponse(...)} so that it needs no discovery call and caches tokens under
   * {@code localhost:PORT}.
   */
  public String instanceDiscoveryResponse(String tenant) {
    return Json.write(InstanceDiscoveryEndpoint.discoveryDocument(baseUri, tenant));
  }

  public X509Certificate caCertificate() {
    return tls.caCertificate();
  }

  /** The CA certificate in PEM, for curl, Python and other clients. */
  public String caCertificatePem() {
    return Pem.certificate(tls.caCertificate());
  }

  /** Writes the CA certificate in PEM (creating parent folders) and returns the absolute path. */
  public Path writeCaCertificatePem(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Files.writeString(target, caCertificatePem(), StandardCharsets.US_ASCII);
    return target;
  }

  /** A TLS context that trusts the emulator's CA and nothing else. */
  public SSLContext clientSslContext() {
    return tls.clientContext();
  }

  /**
   * The socket factory of {@link #clientSslContext()}, e.g. for MSAL4J's {@code sslSocketFactory}.
   */
  public SSLSocketFactory clientSocketFactory() {
    return tls.clientContext().getSocketFactory();
  }

  /** The public key that verifies the access tokens the emulator issues. */
  public PublicKey tokenSigningKey() {
    return signer.publicKey();
  }

  /** The {@code kid} (and {@code x5t}) in the header of issued tokens. */
  public String tokenSigningKeyId() {
    return signer.keyId();
  }

  /** Tenants, apps, users and resources; register more here. {@link #reset()} restores it. */
  public SandboxDirectory directory() {
    return state.directory();
  }

  /** Requests received since start or the last reset, on every endpoint. */
  public int requestCount() {
    return state.journal().count();
  }

  public List<RecordedRequest> requests() {
    return state.journal().snapshot();
  }

  /** Waits until at least {@code count} requests were received; false when the timeout passed. */
  public boolean awaitRequestCount(int count, Duration timeout) throws InterruptedException {
    return state.journal().awaitCount(count, timeout);
  }

  /** Queues faults for the token endpoint; each token request consumes the next one. */
  public void queueTokenFaults(Fault... faults) {
    state.queueTokenFaults(Arrays.asList(faults));
  }

  public int pendingTokenFaults() {
    return state.pendingTokenFaults();
  }

  /** Sets {@code expires_in} (and the {@code exp} claim) of tokens issued from now on. */
  public void setTokenLifetime(Duration lifetime) {
    state.setTokenLifetime(lifetime);
  }

  public Duration tokenLifetime() {
    return state.tokenLifetime();
  }

  /**
   * What the emulated person does with the next device codes: {@code pendingPolls} polls answered
   * {@code authorization_pending}, then {@code outcome}. After {@link #reset()}: approved at once.
   */
  public void scriptDeviceCode(DeviceCodeOutcome outcome, int pendingPolls) {
    state.userSessions().scriptDeviceCode(outcome, pendingPolls);
  }

  /**
   * From now on, refresh tokens are rejected with {@code invalid_grant} and AADSTS {@code code}.
   */
  public void revokeRefreshTokens(int aadstsCode) {
    state.userSessions().revokeRefreshTokens(aadstsCode);
  }

  /** From now on the password grant fails with AADSTS {@code code} (50076, 50079; 0: works). */
  public void failPasswordGrants(int aadstsCode) {
    state.userSessions().failPasswordGrants(aadstsCode);
  }

  /**
   * Back to the state just after start: no recorded requests, no queued faults, the default token
   * lifetime, only the sandbox data in the directory. Held {@code delay}/{@code noResponse}
   * exchanges are let go. Call it between tests, not while requests are in flight.
   */
  public void reset() {
    state.reset();
  }

  /** Stops at once, closing held exchanges; safe to call more than once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    state.heldExchanges().stop();
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.debug("Entra ID emulator threads still running after {}", STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.debug("Entra ID emulator on {} stopped", baseUri);
  }

  private static InetAddress loopback() throws IOException {
    return InetAddress.getByAddress(HOST_NAME, new byte[] {127, 0, 0, 1});
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "entra-emulator-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
