package io.github.pbitoken.tests.bench;

import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whole processes against a bare {@code java -version}: pbi-token getting its first token from the
 * local emulator in a fresh JVM, and pbi-token finding a valid token in its persistent cache, each
 * with several start-up options and through the real launcher script ({@code
 * app-console/target/pbi-token}, with its own AppCDS archive). The commands run in alternation,
 * round after round, so that machine noise hits them all alike. Wall time is measured here around
 * the process; peak RSS comes from {@code /usr/bin/time}; requests from the emulator's counter.
 * Children get a throw-away {@code HOME}, so nothing is written to the real one.
 */
final class CliStartupHarness {
  private static final String TIME = "/usr/bin/time";
  private static final long TIMEOUT_SECONDS = 60;
  private static final String FAST_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** The medians of one command over all rounds. */
  record Outcome(
      String name,
      List<String> command,
      double medianMillis,
      double medianPeakRssMb,
      int minRequests,
      int maxRequests) {}

  private final Path jar;
  private final Path launcher;
  private final Path workDir;
  private final String java = ProcessHandle.current().info().command().orElse("java");

  CliStartupHarness(Path jar, Path workDir) {
    this.jar = jar;
    this.launcher = jar.resolveSibling("pbi-token");
    this.workDir = workDir;
  }

  List<Outcome> run(int rounds) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar) || !Files.isExecutable(launcher)) {
      throw new IllegalStateException(
          jar + " or its launcher is missing: build them with mvn -pl app-console -am package");
    }
    Files.createDirectories(workDir.resolve("home"));
    try (BenchEntra entra = BenchEntra.start()) {
      Path uncached =
          Files.writeString(
              workDir.resolve("uncached.conf"), config(entra, "token-cache.enabled = false"));
      Path cached =
          Files.writeString(
              workDir.resolve("cached.conf"),
              config(entra, "token-cache.file = \"" + workDir.resolve("cache.json") + "\""));
      Path archive = workDir.resolve("pbi-token.jsa");
      Files.deleteIfExists(archive);
      int trained =
          runOnce(entra, javaJar(uncached, "-XX:ArchiveClassesAtExit=" + archive)).requests();
      if (trained != 1 || !Files.isRegularFile(archive)) {
        throw new IllegalStateException("the AppCDS training run failed");
      }
      if (runOnce(entra, javaJar(cached)).requests() != 1) {
        throw new IllegalStateException("the run that fills the token cache did not ask once");
      }
      String cdsArchive = "-XX:SharedArchiveFile=" + archive;
      Map<String, List<String>> commands = new LinkedHashMap<>();
      commands.put("bare JVM: `java -version`", List.of(java, "-version"));
      commands.put("first token: `java -jar`, default JVM options", javaJar(uncached));
      commands.put(
          "first token: `java " + FAST_FLAGS + " -jar`", javaJar(uncached, FAST_FLAGS.split(" ")));
      commands.put(
          "first token: AppCDS + " + FAST_FLAGS,
          javaJar(uncached, cdsArchive, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
      commands.put("first token: launcher `bin/pbi-token`", launch(uncached));
      commands.put("cached token: `java -jar`, default JVM options", javaJar(cached));
      commands.put(
          "cached token: `java " + FAST_FLAGS + " -jar`", javaJar(cached, FAST_FLAGS.split(" ")));
      commands.put("cached token: launcher `bin/pbi-token`", launch(cached));

      Map<String, List<Sample>> samples = new LinkedHashMap<>();
      commands.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
      runOnce(entra, launch(cached)); // the launcher makes its AppCDS archive; page cache warm-up
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
          samples.get(command.getKey()).add(runOnce(entra, command.getValue()));
        }
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
        List<Sample> runs = entry.getValue();
        outcomes.add(
            new Outcome(
                entry.getKey(),
                commands.get(entry.getKey()),
                Stats.median(runs.stream().mapToDouble(Sample::millis).toArray()),
                Stats.median(runs.stream().mapToDouble(Sample::peakRssMb).toArray()),
                runs.stream().mapToInt(Sample::requests).min().orElse(-1),
                runs.stream().mapToInt(Sample::requests).max().orElse(-1)));
      }
      return outcomes;
    }
  }

  private List<String> javaJar(Path config, String... jvmOptions) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString(), "--config", config.toString(), "-o", "token"));
    return command;
  }

  private List<String> launch(Path config) {
    return List.of(launcher.toString(), "--config", config.toString(), "-o", "token");
  }

  private record Sample(double millis, double peakRssMb, int requests) {}

  private Sample runOnce(BenchEntra entra, List<String> command)
      throws IOException, InterruptedException {
    Path rssFile = workDir.resolve("rss.txt");
    List<String> timed = new ArrayList<>(List.of(TIME, "-f", "%M", "-o", rssFile.toString()));
    timed.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(timed)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(workDir.resolve("last-stderr.txt").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PBI_TOKEN_") || name.startsWith("AZURE_"));
    env.put("HOME", workDir.resolve("home").toString());
    env.put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
    int before = entra.emulator().requestCount();
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out: " + command);
      }
    } finally {
      process.destroyForcibly();
    }
    long nanos = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "exit "
              + process.exitValue()
              + " from "
              + command
              + ": "
              + Files.readString(workDir.resolve("last-stderr.txt")));
    }
    double rssKb = Double.parseDouble(Files.readString(rssFile, StandardCharsets.US_ASCII).trim());
    return new Sample(nanos / 1e6, rssKb / 1024.0, entra.emulator().requestCount() - before);
  }

  private static String config(BenchEntra entra, String cacheLine) {
    return String.join(
        "\n",
        "pbi-token {",
        "  authority-host = \"" + entra.emulator().authorityHost() + "\"",
        "  trust-store = \"" + entra.caFile() + "\"",
        "  tenant-id = \"" + SandboxDirectory.TENANT_ID + "\"",
        "  client-id = \"" + SandboxDirectory.CONFIDENTIAL_CLIENT_ID + "\"",
        "  client-secret = \"" + SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET + "\"",
        "  " + cacheLine,
        "}",
        "");
  }
}
