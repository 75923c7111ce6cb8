package io.github.pbitoken.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.console.cli.ConsoleOutput;
import io.github.pbitoken.console.cli.Launcher;
import io.github.pbitoken.console.cli.PbiTokenCommand;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --help} of every command has examples, and honours {@code NO_COLOR}. */
class HelpTest {
  private static final String ESCAPE = "\u001b[";

  /** The visible subcommands, read from the command model so a new one is covered at once. */
  static Stream<String> subcommands() {
    Launcher unused =
        (Launcher)
            Proxy.newProxyInstance(
                Launcher.class.getClassLoader(),
                new Class<?>[] {Launcher.class},
                (proxy, method, args) -> {
                  throw new AssertionError("help runs no command");
                });
    PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
    return PbiTokenCommand.commandLine(unused, new ConsoleOutput(nowhere, nowhere))
        .getSubcommands()
        .entrySet()
        .stream()
        .filter(sub -> !sub.getValue().getCommandSpec().usageMessage().hidden())
        .map(Map.Entry::getKey);
  }

  @Test
  void theMainCommandsHelpHasExamples() {
    ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), "--help");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("Examples:"), run::toString);
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubcommandsHelpHasExamples(String subcommand) {
    ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), subcommand, "--help");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("Examples:"), run::toString);
    assertTrue(run.stdout().contains("pbi-token " + subcommand), run::toString);
  }

  @Test
  void thereAreSubcommandsToCheck() {
    assertTrue(subcommands().anyMatch("doctor"::equals));
  }

  @Test
  void noColorTurnsAnsiOffEvenWhereColorIsForced() {
    String before = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", "true"); // as if stdout were a color terminal
    try {
      ConsoleRun colored = ConsoleRun.of(Main::run, Map.of(), "doctor", "--help");
      ConsoleRun plain = ConsoleRun.of(Main::run, Map.of("NO_COLOR", "1"), "doctor", "--help");

      assertTrue(colored.stdout().contains(ESCAPE), "the check can fail: " + colored);
      assertFalse(plain.stdout().contains(ESCAPE), plain::toString);
    } finally {
      if (before == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", before);
      }
    }
  }

  @Test
  void helpHasNoColorWhenStdoutIsNotATerminal() {
    ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), "--help");

    assertFalse(run.stdout().contains(ESCAPE), run::toString);
  }
}
