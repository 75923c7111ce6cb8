package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entra ID through a real CONNECT proxy on loopback, in front of the emulator: the proxy must see
 * the CONNECT, NO_PROXY must bypass it, and proxy authentication must work (the built jar, because
 * the JDK reads its proxy-tunnel settings once per JVM).
 */
class ProxyEndToEndTest {
  private static final String PROXY_PASSWORD = "proxy-password-canary-3b7";

  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void theTokenRequestGoesThroughTheConfiguredProxy() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start(null, null)) {
      ConsoleRun run =
          pbiToken(
              Map.of(),
              "https-proxy = \"http://127.0.0.1:" + proxy.port() + "\"",
              "no-proxy = \"nothing.invalid\"");

      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(List.of(emulator().authorityHost()), proxy.tunnels());
      assertEquals(1, emulator().requestCount());
    }
  }

  @Test
  void aUserSignInGoesThroughTheConfiguredProxyToo() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start(null, null)) {
      Path config =
          EmulatorFixture.write(
              dir,
              EmulatorFixture.userFlowConfig(
                  "device-code",
                  "https-proxy = \"http://127.0.0.1:" + proxy.port() + "\"",
                  "no-proxy = \"nothing.invalid\""));

      ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), "--config", config.toString());

      assertEquals(0, run.exitCode(), run::toString);
      assertFalse(proxy.tunnels().isEmpty(), "the sign-in bypassed the proxy");
      assertTrue(
          proxy.tunnels().stream().allMatch(emulator().authorityHost()::equals),
          () -> "tunnels: " + proxy.tunnels());
    }
  }

  @Test
  void noProxyBypassesTheProxyFromTheEnvironment() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start(null, null)) {
      ConsoleRun run =
          pbiToken(
              Map.of(
                  "HTTPS_PROXY",
                  "http://127.0.0.1:" + proxy.port(),
                  "NO_PROXY",
                  ".example,localhost"));

      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(List.of(), proxy.tunnels());
      assertEquals(1, emulator().requestCount());
    }
  }

  @Test
  void aPasswordInTheProxyUrlIsRefusedWithoutShowingIt() {
    ConsoleRun run =
        pbiToken(Map.of("HTTPS_PROXY", "http://pbi:" + PROXY_PASSWORD + "@127.0.0.1:3128"));

    assertEquals(78, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("https-proxy-password"), run::toString);
    assertFalse(run.stderr().contains(PROXY_PASSWORD), run::toString);
    assertEquals(0, emulator().requestCount());
  }

  @Test
  void theBuiltJarAuthenticatesToTheProxy() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start("pbi", PROXY_PASSWORD)) {
      Path config = write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
      Map<String, String> env =
          Map.of(
              "HTTPS_PROXY",
              "http://pbi@127.0.0.1:" + proxy.port(),
              "NO_PROXY",
              "nothing.invalid",
              "PBI_TOKEN_HTTPS_PROXY_PASSWORD",
              PROXY_PASSWORD);

      String[] result = runJar(env, "--config", config.toString(), "-o", "token");

      assertEquals("0", result[0], String.join("\n", result));
      assertFalse(result[2].contains(PROXY_PASSWORD), result[2]);
      assertEquals(List.of(emulator().authorityHost()), proxy.refused(), "first asked, got 407");
      assertEquals(List.of(emulator().authorityHost()), proxy.tunnels(), "then authenticated");
      assertEquals(1, emulator().requestCount());
    }
  }

  private ConsoleRun pbiToken(Map<String, String> env, String... extra) {
    Path config =
        write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, extra));
    return ConsoleRun.of(Main::run, env, "--config", config.toString(), "-o", "token");
  }

  /** Exit code, stdout, stderr of the built jar run with only {@code env} added. */
  private String[] runJar(Map<String, String> env, String... args) throws Exception {
    Path jar =
        Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first (mvn verify builds it): " + jar);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("PBI_TOKEN_")
                    || name.startsWith("AZURE_")
                    || name.equalsIgnoreCase("HTTPS_PROXY")
                    || name.equalsIgnoreCase("NO_PROXY"));
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pbi-token did not finish in 60 s");
      return new String[] {
        String.valueOf(process.exitValue()),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8)
      };
    } finally {
      process.destroyForcibly();
    }
  }
}
