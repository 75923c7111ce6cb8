package io.github.pbitoken.console;

import io.github.pbitoken.console.wiring.FlowModules;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/** {@code pbi-token}: the process entry point. The only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs pbi-token with the real adapters; returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    configureLogLevel(args);
    allowBasicProxyAuthentication();
    return new Application(FlowModules.production(), System.in).run(args, env, out, err);
  }

  /**
   * The JDK refuses Basic authentication for HTTPS proxy tunnels unless told otherwise, and reads
   * the setting once, at its first HTTP connection: set it before any, unless the user did.
   */
  private static void allowBasicProxyAuthentication() {
    if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
      System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    }
  }

  /** Logback reads this property when it starts, so it must be set before the first log call. */
  private static void configureLogLevel(String[] args) {
    boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
    if (verbose) {
      System.setProperty("pbitoken.log.level", "DEBUG");
      System.setProperty("pbitoken.log.pattern", "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
    }
  }
}
