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
 * Whole processes: {@code java -jar pbi-token-all.jar} getting its first token from the local
 * emulator in a fresh JVM, with several start-up options, against a bare {@code java -version}. The
 * commands run in alternation, round after round, so that machine noise hits them all alike. Wall
 * time is measured here around the process; peak RSS comes from {@code /usr/bin/time}.
 */
final class CliStartupHarness {
  private static final String TIME = "/usr/bin/time";
  private static final long TIMEOUT_SECONDS = 60;

  /** The medians of one command over all rounds. */
  record Outcome(
      String name,
      List<String> command,
      double medianMillis,
      double medianPeakRssMb,
      int minRequests,
      int maxRequests) {}

  private final Path jar;
  private final Path workDir;
  private final String java = ProcessHandle.current().info().command().orElse("java");

  CliStartupHarness(Path jar, Path workDir) {
    this.jar = jar;
    this.workDir = workDir;
  }

  List<Outcome> run(int rounds) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it with mvn -pl app-console -am package");
    }
    Files.createDirectories(workDir);
    try (BenchEntra entra = BenchEntra.start()) {
      Path config = Files.writeString(workDir.resolve("bench.conf"), config(entra));
      Path archive = workDir.resolve("pbi-token.jsa");
      Files.deleteIfExists(archive);
      int trained = runOnce(entra, cli(config, "-XX:ArchiveClassesAtExit=" + archive)).requests();
      if (trained != 1 || !Files.isRegularFile(archive)) {
        throw new IllegalStateException("the AppCDS training run failed");
      }
      Map<String, List<String>> commands = new LinkedHashMap<>();
      commands.put("bare JVM: java -version", List.of(java, "-version"));
      commands.put("pbi-token, default JVM options", cli(config));
      commands.put("pbi-token -Xshare:off (no CDS at all)", cli(config, "-Xshare:off"));
      commands.put("pbi-token -XX:TieredStopAtLevel=1", cli(config, "-XX:TieredStopAtLevel=1"));
      commands.put("pbi-token -XX:+UseSerialGC", cli(config, "-XX:+UseSerialGC"));
      commands.put(
          "pbi-token AppCDS (-XX:SharedArchiveFile)",
          cli(config, "-XX:SharedArchiveFile=" + archive));
      commands.put(
          "pbi-token AppCDS + TieredStopAtLevel=1 + SerialGC",
          cli(
              config,
              "-XX:SharedArchiveFile=" + archive,
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC"));

      Map<String, List<Sample>> samples = new LinkedHashMap<>();
      commands.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
      runOnce(entra, commands.get("pbi-token, default JVM options")); // page cache warm-up
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

  private List<String> cli(Path config, String... jvmOptions) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
    return command;
  }

  private record Sample(double millis, double peakRssMb, int requests) {}

  private Sample runOnce(BenchEntra entra, List<String> command)
      throws IOException, InterruptedException {
    Path rssFile = workDir.resolve("rss.txt");
    List<String> timed = new ArrayList<>(List.of(TIME, "-f", "%M", "-o", rssFile.toString()));
    timed.addAll(command);
    int before = entra.emulator().requestCount();
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(timed)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(workDir.resolve("last-stderr.txt").toFile())
            .start();
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

  private static String config(BenchEntra entra) {
    return String.join(
        "\n",
        "pbi-token {",
        "  authority-host = \"" + entra.emulator().authorityHost() + "\"",
        "  trust-store = \"" + entra.caFile() + "\"",
        "  tenant-id = \"" + SandboxDirectory.TENANT_ID + "\"",
        "  client-id = \"" + SandboxDirectory.CONFIDENTIAL_CLIENT_ID + "\"",
        "  client-secret = \"" + SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET + "\"",
        "}",
        "");
  }
}
