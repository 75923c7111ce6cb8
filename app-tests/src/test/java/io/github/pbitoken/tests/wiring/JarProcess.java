package io.github.pbitoken.tests.wiring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built, shaded jar started as a child JVM, its streams captured in files under {@code dir}.
 */
public final class JarProcess {
  private final Process process;
  private final Path out;
  private final Path err;

  private JarProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  public record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  public static Path jar() {
    Path jar =
        Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first (mvn verify builds it): " + jar);
    return jar;
  }

  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Starts {@code pbi-token args}; {@code name} keeps the stream files of parallel runs apart. */
  public static JarProcess start(Path dir, String name, String... args) throws IOException {
    return start(dir, name, List.of(), args);
  }

  /** As {@link #start(Path, String, String...)}, with {@code jvmOptions} before {@code -jar}. */
  public static JarProcess start(Path dir, String name, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    command.addAll(List.of(args));
    return startCommand(dir, name, command);
  }

  public static JarProcess startCommand(Path dir, String name, List<String> command)
      throws IOException {
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(key -> key.startsWith("PBI_TOKEN_") || key.startsWith("AZURE_"));
    return new JarProcess(builder.start(), out, err);
  }

  public static Result run(Path dir, String name, String... args) throws Exception {
    return start(dir, name, args).await(Duration.ofSeconds(60));
  }

  public Process process() {
    return process;
  }

  /** Waits up to {@code bound}; the child is killed whatever happens. */
  public Result await(Duration bound) throws IOException, InterruptedException {
    try {
      assertTrue(
          process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS),
          "pbi-token did not finish within " + bound);
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
