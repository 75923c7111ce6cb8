package io.github.pbitoken.tests.entra;

import static io.github.pbitoken.tests.entra.EmulatorHttp.clientCredentialsForm;
import static io.github.pbitoken.tests.entra.EmulatorHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, reset and stop, on emulators of their own (MSAL never talks to these). */
class EmulatorLifecycleTest {

  @Test
  void givenPendingNoResponseExchange_whenClosing_thenStopsPromptlyAndClientSeesClosedConnection()
      throws Exception {
    EntraEmulator emulator = EntraEmulator.start();
    EmulatorHttp http = new EmulatorHttp(emulator);
    emulator.queueTokenFaults(Fault.noResponse());
    CompletableFuture<HttpResponse<String>> pending =
        http.client()
            .sendAsync(
                http.tokenRequest(
                        SandboxDirectory.TENANT_ID, clientCredentialsForm(), Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertTrue(emulator.awaitRequestCount(1, Duration.ofSeconds(5)));

    long start = System.nanoTime();
    emulator.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(closing.compareTo(Duration.ofSeconds(1)) < 0, "close took " + closing);
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
    assertInstanceOf(IOException.class, failure.getCause());
    assertThrows(IOException.class, () -> new Socket("127.0.0.1", emulator.port()).close());
  }

  @Test
  void givenScriptedAndUsedEmulator_whenReset_thenBackToStartState() throws Exception {
    try (EntraEmulator emulator = EntraEmulator.start()) {
      EmulatorHttp http = new EmulatorHttp(emulator);
      http.postToken(clientCredentialsForm());
      emulator.queueTokenFaults(Fault.status(500), Fault.dropConnection());
      emulator.setTokenLifetime(Duration.ofSeconds(120));
      emulator.directory().registerResource("https://example.org/api");

      emulator.reset();

      assertEquals(0, emulator.requestCount());
      assertTrue(emulator.requests().isEmpty());
      assertEquals(0, emulator.pendingTokenFaults());
      assertEquals(EntraEmulator.DEFAULT_TOKEN_LIFETIME, emulator.tokenLifetime());
      assertFalse(emulator.directory().isKnownResource("https://example.org/api"));
      assertEquals(200, http.postToken(clientCredentialsForm()).statusCode());
    }
  }

  @Test
  void givenHeldNoResponseExchange_whenReset_thenConnectionIsLetGo() throws Exception {
    try (EntraEmulator emulator = EntraEmulator.start()) {
      EmulatorHttp http = new EmulatorHttp(emulator);
      emulator.queueTokenFaults(Fault.noResponse());
      CompletableFuture<HttpResponse<String>> pending =
          http.client()
              .sendAsync(
                  http.tokenRequest(
                          SandboxDirectory.TENANT_ID,
                          clientCredentialsForm(),
                          Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertTrue(emulator.awaitRequestCount(1, Duration.ofSeconds(5)));

      emulator.reset();

      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
      assertInstanceOf(IOException.class, failure.getCause());
    }
  }

  @Test
  void givenShorterTokenLifetime_whenIssuing_thenExpiresInAndExpFollowIt() throws Exception {
    try (EntraEmulator emulator = EntraEmulator.start()) {
      emulator.setTokenLifetime(Duration.ofSeconds(600));
      long before = System.currentTimeMillis() / 1000;

      JsonNode body = json(new EmulatorHttp(emulator).postToken(clientCredentialsForm()));

      assertEquals(600, body.path("expires_in").asInt());
      assertEquals(600, body.path("ext_expires_in").asInt());
      long exp =
          Long.parseLong(Jwt.parse(body.path("access_token").asText()).claim("exp").orElseThrow());
      assertTrue(exp >= before + 600 && exp <= before + 602, "exp " + exp);
      assertThrows(IllegalArgumentException.class, () -> emulator.setTokenLifetime(Duration.ZERO));
      assertThrows(
          IllegalArgumentException.class, () -> emulator.setTokenLifetime(Duration.ofMillis(1500)));
    }
  }

  @Test
  void givenNoRequests_whenAwaitingOne_thenFalseAfterTimeout() throws Exception {
    try (EntraEmulator emulator = EntraEmulator.start()) {
      assertFalse(emulator.awaitRequestCount(1, Duration.ofMillis(50)));
    }
  }

  @Test
  void givenEmulatorMain_whenStarted_thenPrintsInstructionsAndItsCaFileIsTrustable(
      @TempDir Path folder) throws Exception {
    Path caFile = folder.resolve("nested/ca.pem");
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    try (EntraEmulator emulator =
        EmulatorMain.start(
            new EmulatorOptions(0, caFile, false),
            new PrintStream(output, true, StandardCharsets.UTF_8))) {
      String printed = output.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains(emulator.baseUri().toString()), printed);
      assertTrue(printed.contains(caFile.toAbsolutePath().toString()), printed);
      assertTrue(printed.contains(SandboxDirectory.TENANT_ID), printed);
      assertTrue(printed.contains(SandboxDirectory.CONFIDENTIAL_CLIENT_ID), printed);
      assertTrue(printed.contains(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET), printed);
      assertTrue(printed.contains("curl --cacert"), printed);
      X509Certificate written = readCertificate(caFile);
      assertEquals(emulator.caCertificate(), written);
      assertEquals(200, tokenStatusTrusting(written, emulator));
    }
  }

  @Test
  void givenEmulatorMainInstructions_whenRunningTheirCurlCommand_thenTokenIssued(
      @TempDir Path folder) throws Exception {
    Path curl = Path.of("/usr/bin/curl");
    assumeTrue(Files.isExecutable(curl), "curl not installed");
    try (EntraEmulator emulator = EntraEmulator.start()) {
      Path caFile = emulator.writeCaCertificatePem(folder.resolve("ca.pem"));
      String command =
          EmulatorMain.instructions(emulator, caFile)
              .lines()
              .filter(line -> line.trim().startsWith("curl "))
              .findFirst()
              .orElseThrow();

      Process process =
          new ProcessBuilder("sh", "-c", command.trim() + " --silent --show-error --max-time 5")
              .redirectErrorStream(true)
              .start();
      try {
        String answer;
        try (InputStream out = process.getInputStream()) {
          answer = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), answer);
        assertTrue(answer.contains("\"access_token\""), "curl printed an unexpected answer");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void givenOptions_whenParsing_thenDefaultsAndOverrides() {
    EmulatorOptions defaults = EmulatorOptions.parse();
    assertEquals(8443, defaults.port());
    assertEquals(Path.of("target/entra-emulator/ca.pem"), defaults.caFile());

    EmulatorOptions given = EmulatorOptions.parse("--port", "9443", "--ca-file", "/tmp/x.pem");
    assertEquals(9443, given.port());
    assertEquals(Path.of("/tmp/x.pem"), given.caFile());

    assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--port"));
    assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--port", "x"));
    assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--bogus"));
    assertTrue(EmulatorOptions.parse("--help").help());
  }

  private static X509Certificate readCertificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** A client built only from the PEM file, as another program would. */
  private static int tokenStatusTrusting(X509Certificate ca, EntraEmulator emulator)
      throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    HttpClient client =
        HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
    return client
        .send(
            HttpRequest.newBuilder(emulator.tokenEndpoint(SandboxDirectory.TENANT_ID))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        EmulatorHttp.encode(clientCredentialsForm())))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
