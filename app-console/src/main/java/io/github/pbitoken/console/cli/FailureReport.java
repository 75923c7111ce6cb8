package io.github.pbitoken.console.cli;

import io.github.pbitoken.console.config.InvalidSettingsException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns a failure into what the user reads on stderr: one line naming what is wrong and how to fix
 * it (one line per problem for configuration), and the stack trace only in verbose mode.
 */
public final class FailureReport {
  private static final String PROGRAM = "pbi-token";
  private static final int MAX_LINE = 1000;

  private FailureReport() {}

  public static void print(Throwable failure, boolean verbose, ConsoleOutput console) {
    if (failure instanceof InvalidSettingsException invalid) {
      printSettingsProblems(invalid, console);
    } else if (failure instanceof TokenAcquisitionException acquisition) {
      console.message(printable(PROGRAM + ": " + describe(acquisition)));
    } else if (ExitCode.of(failure) == ExitCode.INTERNAL) {
      console.message(
          PROGRAM
              + ": internal error: "
              + failure.getClass().getSimpleName()
              + (failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage()))
              + (verbose ? "" : " (run again with --verbose for details, and please report it)"));
    } else {
      console.message(printable(PROGRAM + ": " + firstLine(String.valueOf(failure.getMessage()))));
    }
    if (verbose) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      console.message(trace.toString());
    }
  }

  /** {@code <message> (AADSTS..). <Fix hint> [correlation id <id>]}, all on one line. */
  static String describe(TokenAcquisitionException failure) {
    FailureDetails details = failure.details();
    StringBuilder line = new StringBuilder(firstLine(failure.getMessage()));
    details.hint().ifPresent(hint -> line.append(". ").append(capitalised(hint)));
    details.correlation().ifPresent(id -> line.append(" [correlation id ").append(id).append(']'));
    return line.toString();
  }

  private static void printSettingsProblems(
      InvalidSettingsException invalid, ConsoleOutput console) {
    if (invalid.nothingConfigured()) {
      console.message(
          PROGRAM
              + ": nothing is configured yet: tell pbi-token which tenant and app to sign in with.");
      console.message(
          "  with a file:        pbi-token --config app.conf   (HOCON, keys in reference.conf)");
      console.message(
          "  or the environment: PBI_TOKEN_TENANT_ID, PBI_TOKEN_CLIENT_ID, PBI_TOKEN_CLIENT_SECRET"
              + " (or AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)");
      console.message(
          "  try it offline against the local Entra ID emulator: mvn -q -Psandbox -DskipTests verify"
              + "   (see README, \"Sandbox\")");
      console.message("  see pbi-token --help");
      return;
    }
    int count = invalid.problems().size();
    console.message(
        PROGRAM
            + ": invalid configuration ("
            + count
            + (count == 1 ? " problem):" : " problems):"));
    for (String problem : invalid.problems()) {
      console.message(printable("  " + problem));
    }
  }

  /**
   * What users can inject (a value from a file or the environment) must not drive the terminal or
   * flood it: control characters become {@code ?}, and a line stops after 1,000 characters.
   */
  static String printable(String line) {
    StringBuilder shown = new StringBuilder(Math.min(line.length(), MAX_LINE + 40));
    for (int i = 0; i < line.length() && i < MAX_LINE; i++) {
      char c = line.charAt(i);
      shown.append(Character.isISOControl(c) && c != '\t' ? '?' : c);
    }
    if (line.length() > MAX_LINE) {
      shown.append("... (").append(line.length() - MAX_LINE).append(" more characters)");
    }
    return shown.toString();
  }

  private static String capitalised(String hint) {
    return hint.isEmpty() ? hint : Character.toUpperCase(hint.charAt(0)) + hint.substring(1);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }
}
