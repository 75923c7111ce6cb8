package io.github.pbitoken.console.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user typed, after parsing: the settings given as options (each {@code null} when not
 * given) and the switches that are not settings.
 */
public record Invocation(
    Path configFile,
    boolean verbose,
    boolean forceRefresh,
    String tenant,
    String clientId,
    String cloud,
    String authorityHost,
    List<String> scopes,
    String output,
    String trustStore,
    boolean noPrompt) {

  public Invocation {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }
}
