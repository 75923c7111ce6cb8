package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.testing.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production adapter ({@link MsalAdapters#tokenAcquirer}) over real HTTPS to a local server on
 * 127.0.0.1 whose certificate comes from a throw-away CA: trusted only through the bundle, with the
 * host name still checked.
 */
class TrustAndTransportTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static HttpsServer server;
  private static final AtomicInteger tokenRequests = new AtomicInteger();

  @BeforeAll
  static void startTheLocalIdentityProvider() throws Exception {
    pki = TestPki.create(dir);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean isToken =
              "POST".equals(exchange.getRequestMethod())
                  && exchange.getRequestURI().getPath().endsWith("/oauth2/v2.0/token");
          if (isToken) {
            tokenRequests.incrementAndGet();
          }
          byte[] body =
              (isToken
                      ? Entra.token(Entra.fakeToken(), 3599).body()
                      : "{\"error\":\"not_found\",\"error_description\":\"no such endpoint\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(isToken ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stopIt() {
    server.stop(0);
  }

  private static MsalSettings settings(String host, Path trust) {
    return Entra.settings(Entra.canarySecret(), host, Duration.ofSeconds(10), 1, trust);
  }

  private static int port() {
    return server.getAddress().getPort();
  }

  @Test
  void givenTheCaInTheBundle_whenAcquiringTwice_thenOneHttpsRequestThenMsalsCache()
      throws Exception {
    TokenAcquirer acquirer = MsalAdapters.tokenAcquirer(settings("localhost:" + port(), pki.caPem));
    int before = tokenRequests.get();

    AccessToken first = acquirer.acquire(TestTokens.aRequest());
    AccessToken second = acquirer.acquire(TestTokens.aRequest());

    assertEquals(TokenSource.IDENTITY_PROVIDER, first.source());
    assertEquals(TokenSource.CACHE, second.source());
    assertEquals(before + 1, tokenRequests.get());
  }

  @Test
  void givenNoBundle_whenAcquiring_thenACertificateTrustProblemAndNothingSent() {
    TokenAcquirer acquirer = MsalAdapters.tokenAcquirer(settings("localhost:" + port(), null));
    int before = tokenRequests.get();

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer.acquire(TestTokens.aRequest()));

    assertTrue(failure.getMessage().contains("certificate"), failure.getMessage());
    assertTrue(failure.getMessage().contains("localhost:" + port()), failure.getMessage());
    assertTrue(
        failure.details().fixHint().contains("trust-store setting"), failure.details().fixHint());
    assertEquals(before, tokenRequests.get());
  }

  @Test
  void givenTheBundle_whenTheHostNameDoesNotMatchTheCertificate_thenStillRejected() {
    // the certificate names localhost only: trusting its CA does not switch off host checks
    TokenAcquirer acquirer = MsalAdapters.tokenAcquirer(settings("127.0.0.1:" + port(), pki.caPem));

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer.acquire(TestTokens.aRequest()));

    assertTrue(failure.getMessage().contains("certificate"), failure.getMessage());
  }

  @Test
  void givenNothingListens_whenAcquiring_thenCouldNotConnect() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    TokenAcquirer acquirer =
        MsalAdapters.tokenAcquirer(settings("localhost:" + closedPort, pki.caPem));

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class,
            () -> acquirer.acquire(TestTokens.aRequest()));

    assertTrue(failure.getMessage().contains("could not connect"), failure.getMessage());
  }

  @Test
  void givenAValidPemBundle_whenReading_thenItsCertificatesAreTrustedBesidesTheJdks() {
    assertEquals(1, TrustBundle.readCertificates(pki.caPem).size());
    assertNotNull(TrustBundle.socketFactory(Optional.of(pki.caPem)));
    assertSame(
        HttpsURLConnection.getDefaultSSLSocketFactory(),
        TrustBundle.socketFactory(Optional.empty()));
  }

  @Test
  void givenAMissingBundle_whenBuildingTheAdapter_thenIllegalArgumentNamingTheFile() {
    Path missing = dir.resolve("no-such-bundle.pem");

    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class,
            () -> MsalAdapters.tokenAcquirer(settings(null, missing)));

    assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
  }

  @Test
  void givenGarbageOrAnEmptyFile_whenBuildingTheAdapter_thenIllegalArgumentNamingTheFile()
      throws IOException {
    Path garbage =
        Files.writeString(
            dir.resolve("garbage.pem"),
            "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    Path text = Files.writeString(dir.resolve("text.pem"), "hello, I am not a certificate");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    for (Path bad : new Path[] {garbage, text, empty, dir}) {
      IllegalArgumentException failure =
          assertThrows(
              IllegalArgumentException.class,
              () -> MsalAdapters.tokenAcquirer(settings(null, bad)),
              bad.toString());
      assertTrue(failure.getMessage().contains(bad.toString()), failure.getMessage());
    }
  }
}
