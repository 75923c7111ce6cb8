package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.caFile;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.quoted;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pbitoken.console.Application;
import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.ClientAssertions;
import io.github.pbitoken.tests.entra.ClientCertificate;
import io.github.pbitoken.tests.entra.DeviceCodeOutcome;
import io.github.pbitoken.tests.entra.FederatedCredential;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.ManagedIdentities;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example config in {@code app-console/examples/} gets a token from the emulator, so none can
 * rot. Each example is included as it is; only what points it at the emulator is layered on top
 * (authority host, trust store, sandbox ids, credential files). A new example fails here until this
 * test learns how to run it.
 */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("../app-console/examples");
  private static final String ISSUER = "https://oidc.examples-cluster.example/";
  private static final String SUBJECT = "system:serviceaccount:examples:pbi-pusher";

  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
      assertFalse(names.isEmpty(), "no examples in " + EXAMPLES.toAbsolutePath());
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void theExampleGetsATokenFromTheEmulator(String name) throws Exception {
    Path example = EXAMPLES.resolve(name).toAbsolutePath();
    switch (name) {
      case "client-secret.conf" ->
          assertAppToken(
              run(
                  example,
                  Map.of("PBI_TOKEN_CLIENT_SECRET", SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET),
                  confidential()));
      case "client-certificate.conf" -> {
        ClientCertificate certificate = certificate("examples app");
        emulator()
            .directory()
            .registerCertificate(
                SandboxDirectory.TENANT_ID,
                SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
                certificate.certificate());
        Path pem = certificate.writePem(dir.resolve("app.pem"));
        assertAppToken(run(example, Map.of(), confidential("client-certificate = " + quoted(pem))));
      }
      case "client-assertion.conf" -> {
        ClientCertificate issuerKey = certificate("examples cluster issuer");
        emulator()
            .directory()
            .registerFederatedCredential(
                SandboxDirectory.TENANT_ID,
                SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
                new FederatedCredential(ISSUER, SUBJECT, issuerKey.certificate()));
        Path tokenFile =
            Files.writeString(
                dir.resolve("federated-token"),
                ClientAssertions.federatedToken(issuerKey, ISSUER, SUBJECT, Instant.now()));
        assertAppToken(
            run(example, Map.of(), confidential("federated-token-file = " + quoted(tokenFile))));
      }
      case "managed-identity.conf" -> assertAppToken(runManagedIdentity(example));
      case "device-code.conf" -> {
        emulator().scriptDeviceCode(DeviceCodeOutcome.APPROVED, 0);
        assertUserToken(run(example, Map.of(), user()));
      }
      case "username-password.conf" ->
          assertUserToken(
              run(
                  example,
                  Map.of("PBI_TOKEN_PASSWORD", SandboxDirectory.USER_PASSWORD),
                  user("username = \"" + SandboxDirectory.USER_NAME + "\"")));
      case "interactive.conf" -> {
        // Up to the sign-in URL: a browser completing it is InteractiveBrowserEndToEndTest's job.
        Path config = overrides(example, user());
        Application application =
            new Application(
                flow ->
                    new InteractiveBrowserEndToEndTest.BrowserModule(
                        url -> false, Duration.ofSeconds(1)));
        ConsoleRun run =
            ConsoleRun.of(application::run, Map.of(), "--config", config.toString(), "-o", "token");
        assertTrue(
            run.stderr()
                .contains(
                    emulator().authorityHost()
                        + "/"
                        + SandboxDirectory.TENANT_ID
                        + "/oauth2/v2.0/authorize?"),
            run::toString);
        assertTrue(run.stderr().contains("Dataset.ReadWrite.All"), run::toString);
        assertEquals(75, run.exitCode(), "nobody signs in within the second: " + run);
      }
      default ->
          fail(
              "ExamplesTest does not know how to run the new example "
                  + name
                  + ": add a case that points it at the emulator");
    }
  }

  private static ClientCertificate certificate(String commonName) {
    Instant now = Instant.now();
    return ClientCertificate.generate(
        commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
  }

  private static List<String> confidential(String... extra) {
    List<String> lines = new ArrayList<>(emulatorLines(SandboxDirectory.CONFIDENTIAL_CLIENT_ID));
    lines.addAll(List.of(extra));
    return lines;
  }

  private static List<String> user(String... extra) {
    List<String> lines = new ArrayList<>(emulatorLines(SandboxDirectory.PUBLIC_CLIENT_ID));
    lines.addAll(List.of(extra));
    return lines;
  }

  private static List<String> emulatorLines(String clientId) {
    return List.of(
        "authority-host = \"" + emulator().authorityHost() + "\"",
        "trust-store = " + quoted(caFile()),
        "tenant-id = \"" + SandboxDirectory.TENANT_ID + "\"",
        "client-id = \"" + clientId + "\"",
        "token-cache.enabled = false");
  }

  /** The example as it is, then the lines that point it at the emulator. */
  private Path overrides(Path example, List<String> lines) {
    StringBuilder config = new StringBuilder("include file(" + quoted(example) + ")\n");
    config.append("pbi-token {\n");
    lines.forEach(line -> config.append("  ").append(line).append('\n'));
    return write(dir, config.append("}\n").toString());
  }

  private ConsoleRun run(Path example, Map<String, String> env, List<String> lines) {
    Path config = overrides(example, lines);
    return ConsoleRun.of(Main::run, env, "--config", config.toString(), "-o", "token");
  }

  private static void assertAppToken(ConsoleRun run) {
    assertEquals(0, run.exitCode(), run::toString);
    Jwt token = Jwt.parse(run.stdout().strip());
    assertEquals(SandboxDirectory.POWER_BI_RESOURCE, token.claim("aud").orElseThrow());
    assertTrue(token.claim("upn").isEmpty(), "app-only: " + run);
  }

  private static void assertUserToken(ConsoleRun run) {
    assertEquals(0, run.exitCode(), run::toString);
    Jwt token = Jwt.parse(run.stdout().strip());
    assertEquals(SandboxDirectory.USER_NAME, token.claim("upn").orElseThrow(), run::toString);
  }

  /** Managed identity reads the host's endpoint from the real environment: a child process. */
  private ConsoleRun runManagedIdentity(Path example) throws IOException, InterruptedException {
    Path config =
        overrides(
            example, List.of("trust-store = " + quoted(caFile()), "token-cache.enabled = false"));
    Path jar =
        Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first (mvn verify builds it): " + jar);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toString(),
                "--config",
                config.toString(),
                "-o",
                "token")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            key ->
                key.startsWith("PBI_TOKEN_")
                    || key.startsWith("AZURE_")
                    || key.startsWith("IDENTITY_")
                    || key.startsWith("MSI_"));
    env.put("IDENTITY_ENDPOINT", ManagedIdentities.endpoint(emulator().baseUri()).toString());
    env.put("IDENTITY_HEADER", ManagedIdentities.IDENTITY_HEADER);
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pbi-token did not finish in 60 s");
      return new ConsoleRun(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
