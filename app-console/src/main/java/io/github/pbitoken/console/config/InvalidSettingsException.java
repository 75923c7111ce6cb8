package io.github.pbitoken.console.config;

import java.util.List;

/** The configuration cannot be used; lists every problem, one line each, never a secret value. */
public final class InvalidSettingsException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;
  private final boolean nothingConfigured;

  public InvalidSettingsException(List<String> problems, boolean nothingConfigured) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
    this.nothingConfigured = nothingConfigured;
  }

  public InvalidSettingsException(String problem) {
    this(List.of(problem), false);
  }

  /** One line per problem: key, origin, what was expected. */
  public List<String> problems() {
    return problems;
  }

  /** Whether the user has configured nothing at all yet (first run). */
  public boolean nothingConfigured() {
    return nothingConfigured;
  }
}
