package io.github.pbitoken.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks of docs/BENCHMARKS.md and prints their tables in Markdown (also written to
 * {@code app-tests/target/bench/results.md}). Arguments: {@code all} or any of {@code cached},
 * {@code stampede}, {@code cli}.
 *
 * <p>{@code mvn -B -Pbench -pl app-tests -am verify -DskipTests [-Dbench.args=cached]}
 */
public final class Benchmarks {
  private static final int STAMPEDE_CALLERS = 1_000;
  private static final int CLI_ROUNDS = 10;

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Set<String> parts =
        Arrays.stream(String.join(" ", args).split("[\\s,]+"))
            .filter(part -> !part.isBlank())
            .collect(Collectors.toSet());
    boolean all = parts.isEmpty() || parts.contains("all");
    Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    Files.createDirectories(dir);
    StringBuilder report = new StringBuilder();
    report
        .append("Run at ")
        .append(Instant.now())
        .append(" on ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append("\n\n");
    if (all || parts.contains("cached")) {
      report.append(cached());
    }
    if (all || parts.contains("stampede")) {
      report.append(stampede());
    }
    if (all || parts.contains("cli")) {
      report.append(cli(dir));
    }
    Files.writeString(dir.resolve("results.md"), report);
    System.out.println(report);
  }

  private static String cached() throws RunnerException {
    StringBuilder table =
        new StringBuilder(
            "### Cached token, in process (JMH, average time per call; median of 5 iterations)\n\n"
                + "| threads | contender | ns/op (median) | ns/op (mean ± 99.9%) | B/op | x TokenService |\n"
                + "|---|---|---|---|---|---|\n");
    for (int threads : new int[] {1, 8}) {
      Options options =
          new OptionsBuilder()
              .include(CachedTokenBenchmark.class.getName() + "\\.")
              .threads(threads)
              .forks(1)
              .warmupIterations(3)
              .warmupTime(TimeValue.seconds(1))
              .measurementIterations(5)
              .measurementTime(TimeValue.seconds(1))
              .addProfiler(GCProfiler.class)
              .build();
      Collection<RunResult> results = new Runner(options).run();
      double baseline =
          results.stream()
              .filter(r -> r.getParams().getBenchmark().endsWith(".tokenService"))
              .mapToDouble(Benchmarks::medianScore)
              .findFirst()
              .orElse(Double.NaN);
      for (RunResult result : results) {
        Result<?> primary = result.getPrimaryResult();
        table.append(
            String.format(
                Locale.ROOT,
                "| %d | `%s` | %.1f | %.1f ± %.1f | %s | %.0f |%n",
                threads,
                shortName(result),
                medianScore(result),
                primary.getScore(),
                primary.getScoreError(),
                allocated(result),
                medianScore(result) / baseline));
      }
    }
    return table.append('\n').toString();
  }

  private static double medianScore(RunResult result) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    return Stats.median(scores.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static String allocated(RunResult result) {
    return result.getSecondaryResults().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
        .map(entry -> String.format(Locale.ROOT, "%.1f", entry.getValue().getScore()))
        .findFirst()
        .orElse("n/a");
  }

  private static String shortName(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  private static String stampede() throws InterruptedException {
    StringBuilder table =
        new StringBuilder(
            "### Stampede: "
                + STAMPEDE_CALLERS
                + " threads, cold cache, one JVM (StampedeHarness)\n\n"
                + "| contender | callers | token requests sent | callers with a token | wall ms |\n"
                + "|---|---|---|---|---|\n");
    for (StampedeHarness.Outcome outcome : StampedeHarness.run(STAMPEDE_CALLERS)) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d |%n",
              outcome.contender(),
              outcome.callers(),
              outcome.requests(),
              outcome.succeeded(),
              outcome.millis()));
    }
    return table.append('\n').toString();
  }

  private static String cli(Path dir) throws IOException, InterruptedException {
    Path jar =
        Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"));
    List<CliStartupHarness.Outcome> outcomes =
        new CliStartupHarness(jar.toAbsolutePath().normalize(), dir.resolve("cli")).run(CLI_ROUNDS);
    double bare = outcomes.get(0).medianMillis();
    StringBuilder table =
        new StringBuilder(
            "### Whole process: first token from the emulator, and a token from the persistent cache"
                + " (CliStartupHarness, "
                + CLI_ROUNDS
                + " alternating rounds, medians)\n\n"
                + "| command | wall ms | x bare JVM | peak RSS MB | token requests per run |\n"
                + "|---|---|---|---|---|\n");
    for (CliStartupHarness.Outcome outcome : outcomes) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.1f | %.0f | %s |%n",
              outcome.name(),
              outcome.medianMillis(),
              outcome.medianMillis() / bare,
              outcome.medianPeakRssMb(),
              outcome.minRequests() == outcome.maxRequests()
                  ? String.valueOf(outcome.minRequests())
                  : outcome.minRequests() + "-" + outcome.maxRequests()));
    }
    return table.append('\n').toString();
  }
}
