package io.github.pbitoken.console.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the command line that scripts run over and over, {@code pbi-token [--config FILE]
 * [--output FORMAT] [--no-prompt]}, without building picocli's command model, which costs about as
 * much start-up time as the rest of a cached-token run (docs/adr/0007-cached-token-fast-path.md).
 *
 * <p>Deliberately narrow: each option at most once, as {@code -c FILE}, {@code --config FILE} or
 * {@code --config=FILE} (likewise {@code -o}/{@code --output}), values neither empty, nor an
 * option, an {@code @file} or a subcommand name. Every other command line, including anything
 * picocli would reject, is left to picocli; for the ones recognised here, {@code
 * PlainTokenArgsTest} checks that picocli reads the same {@link Invocation}.
 */
final class PlainTokenArgs {
  /** picocli's subcommands ({@code PlainTokenArgsTest} keeps the two in step). */
  static final Set<String> SUBCOMMANDS =
      Set.of("config", "inspect", "accounts", "logout", "doctor", "generate-completion", "help");

  private PlainTokenArgs() {}

  /** The token command's invocation, or empty when picocli must parse {@code args}. */
  static Optional<Invocation> parse(String[] args) {
    String config = null;
    String output = null;
    boolean noPrompt = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--no-prompt") && !noPrompt) {
        noPrompt = true;
        continue;
      }
      int equals = arg.indexOf('=');
      boolean attached = arg.startsWith("--") && equals > 0;
      String option = attached ? arg.substring(0, equals) : arg;
      String value = attached ? arg.substring(equals + 1) : ++i < args.length ? args[i] : null;
      if (!isPlainValue(value)) {
        return Optional.empty();
      }
      if ((option.equals("-c") || option.equals("--config")) && config == null) {
        config = value;
      } else if ((option.equals("-o") || option.equals("--output")) && output == null) {
        output = value;
      } else {
        return Optional.empty();
      }
    }
    Path configFile;
    try {
      configFile = config == null ? null : Path.of(config);
    } catch (InvalidPathException picocliReportsIt) {
      return Optional.empty();
    }
    return Optional.of(
        new Invocation(
            configFile, false, false, null, null, null, null, List.of(), output, null, noPrompt));
  }

  /**
   * Not empty, no option ({@code -}), no {@code @file} (picocli expands those) and no subcommand
   * name (picocli reads {@code -c doctor} as a missing value followed by a subcommand).
   */
  private static boolean isPlainValue(String value) {
    return value != null
        && !value.isEmpty()
        && !value.startsWith("-")
        && !value.startsWith("@")
        && !SUBCOMMANDS.contains(value);
  }
}
