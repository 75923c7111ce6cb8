package io.github.pbitoken.console.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The program's two streams: stdout carries the result only (a token, JSON, a table); stderr
 * carries messages, prompts and errors. The only class besides {@code Main} that writes to them.
 */
public final class ConsoleOutput {
  private final PrintStream out;
  private final PrintStream err;

  public ConsoleOutput(PrintStream out, PrintStream err) {
    this.out = Objects.requireNonNull(out, "out must not be null");
    this.err = Objects.requireNonNull(err, "err must not be null");
  }

  /**
   * The result, on stdout.
   *
   * @throws OutputFailedException when stdout could not take it (PrintStream only records that)
   */
  public void result(String text) {
    out.println(text);
    out.flush();
    if (out.checkError()) {
      throw new OutputFailedException();
    }
  }

  /** A message for the person at the terminal, on stderr. */
  public void message(String text) {
    err.println(text);
    err.flush();
  }

  /** The raw streams, for picocli's help and usage output. */
  public PrintStream stdout() {
    return out;
  }

  public PrintStream stderr() {
    return err;
  }
}
