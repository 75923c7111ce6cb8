package io.github.pbitoken.console.cli;

/**
 * What the composition root does once the command line is parsed: load the settings, wire the
 * application and run the chosen command. Keeps the CLI free of Guice and HOCON.
 */
public interface Launcher {
  /** Gets a token as configured and prints it as asked. */
  ExitCode token(Invocation invocation) throws Exception;

  /**
   * Decodes and checks a token: {@code token} itself, {@code "-"} for stdin, or {@code null} for a
   * freshly acquired one.
   */
  ExitCode inspect(Invocation invocation, String token, boolean json) throws Exception;

  /** Prints the effective configuration, secrets masked. */
  ExitCode showConfig(Invocation invocation) throws Exception;
}
