package io.github.pbitoken.tests.wiring;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The outcome of one in-process run of pbi-token: exit code, stdout and stderr, kept apart. */
public record ConsoleRun(int exitCode, String stdout, String stderr) {

  /** What a console entry point looks like: {@code Main.run} or {@code Application.run}. */
  @FunctionalInterface
  public interface Entry {
    int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err);
  }

  public static ConsoleRun of(Entry entry, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = entry.run(args, env, stdout, stderr);
    }
    return new ConsoleRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** stderr without its last line break, for one-line assertions. */
  public String stderrLine() {
    return stderr.strip();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
  }
}
