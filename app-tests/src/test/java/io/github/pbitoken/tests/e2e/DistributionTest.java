package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.caFile;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar.gz as a user unpacks it: the launcher runs from any directory, completion is there. */
class DistributionTest {
  private static final Path TARGET =
      Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"))
          .getParent();

  @TempDir Path dir;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Test
  void theUnpackedDistributionRunsFromAnyDirectory() throws Exception {
    Path home = unpack();
    Path launcher = home.resolve("bin/pbi-token");

    Result version = run(dir, launcher.toString(), "--version");
    Result token =
        run(
            dir,
            launcher.toString(),
            "--config",
            home.resolve("examples/client-secret.conf").toString(),
            "--tenant",
            SandboxDirectory.TENANT_ID,
            "--client-id",
            SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
            "--authority-host",
            emulator().authorityHost(),
            "--trust-store",
            caFile().toString(),
            "-o",
            "token");

    assertEquals(0, version.exitCode(), version::toString);
    assertTrue(version.stdout().startsWith("pbi-token 0."), version::toString);
    assertEquals(0, token.exitCode(), token::toString);
    assertEquals(
        SandboxDirectory.TENANT_ID, Jwt.parse(token.stdout().strip()).claim("tid").orElseThrow());
    assertTrue(Files.isRegularFile(home.resolve("completion/pbi-token_completion")));
    assertTrue(Files.isRegularFile(home.resolve("LICENSE")));
    assertTrue(Files.isExecutable(launcher));
  }

  @Test
  void theLauncherNextToTheJarWorksToo() throws Exception {
    Result help = run(dir, TARGET.resolve("pbi-token").toString(), "--help");

    assertEquals(0, help.exitCode(), help::toString);
    assertTrue(help.stdout().contains("Exit codes:"), help::toString);
  }

  @Test
  void bashCompletionKnowsTheCommands() throws IOException {
    String completion =
        Files.readString(TARGET.resolve("completion/pbi-token_completion"), StandardCharsets.UTF_8);

    for (String word : List.of("inspect", "config", "--output", "--config", "--tenant")) {
      assertTrue(completion.contains(word), word);
    }
  }

  private Path unpack() throws Exception {
    Path archive;
    try (Stream<Path> files = Files.list(TARGET)) {
      archive =
          files
              .filter(f -> f.getFileName().toString().matches("pbi-token-.*\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no pbi-token-*.tar.gz in " + TARGET));
    }
    Result untar = run(dir, "tar", "xzf", archive.toAbsolutePath().toString());
    assertEquals(0, untar.exitCode(), untar::toString);
    try (Stream<Path> unpacked = Files.list(dir)) {
      return unpacked.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private Result run(Path cwd, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .directory(cwd.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PBI_TOKEN_") || name.startsWith("AZURE_"));
    env.put("PBI_TOKEN_CLIENT_SECRET", SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);
    env.put("PBI_TOKEN_TOKEN_CACHE_FILE", dir.resolve("token-cache.json").toString());
    env.put("PBI_TOKEN_CDS_DIR", dir.resolve("cds").toString());
    env.put("JAVA", ProcessHandle.current().info().command().orElse("java"));
    Process process = builder.start();
    try {
      assertTrue(
          process.waitFor(60, TimeUnit.SECONDS), "did not finish in 60 s: " + List.of(command));
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
