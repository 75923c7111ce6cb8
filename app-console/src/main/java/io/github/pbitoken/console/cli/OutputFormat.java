package io.github.pbitoken.console.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the default command prints on stdout. Only {@link #NONE} keeps the token off stdout. */
public enum OutputFormat {
  /** Nothing on stdout; a summary on stderr. The token is not printed. */
  NONE("none"),
  /** The raw token, for {@code $(pbi-token --output token)}. */
  TOKEN("token"),
  /** Azure CLI compatible JSON ({@code az account get-access-token}). */
  JSON("json"),
  /** {@code Authorization: Bearer <token>}, for {@code curl -H @-}. */
  HEADER("header"),
  /** {@code export POWERBI_ACCESS_TOKEN=...}, for {@code eval "$(pbi-token --output env)"}. */
  ENV("env");

  private final String configName;

  OutputFormat(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static OutputFormat fromConfigName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(format -> format.configName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "output must be one of " + names() + ", was '" + name + "'"));
  }

  public static String names() {
    return Arrays.stream(values()).map(OutputFormat::configName).collect(Collectors.joining(", "));
  }
}
