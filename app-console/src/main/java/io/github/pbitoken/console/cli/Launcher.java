package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.SignOutRequest;

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

  /** Checks configuration, network, clock, cache and credentials; prints a line per check. */
  ExitCode doctor(Invocation invocation) throws Exception;

  /** Lists the signed-in accounts in the token cache. */
  ExitCode accounts(Invocation invocation) throws Exception;

  /** Removes signed-in accounts from the token cache. */
  ExitCode logout(Invocation invocation, SignOutRequest request) throws Exception;
}
