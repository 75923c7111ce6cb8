package io.github.pbitoken.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/bad-input} is a configuration (plus options or
 * environment) a user could get wrong. Its header says what must happen:
 *
 * <pre>
 * # exit: 78                     the exit code
 * # expect: text                 a fragment stderr must contain; FILE:n is this file's path and
 *                                line n of the body (counted after the header lines)
 * # args: --cloud mars           extra command-line arguments
 * # env: NAME=value              an environment variable
 * </pre>
 *
 * Every case: that exit code, nothing on stdout, no stack trace, no secret echoed, and only short
 * lines that start with "pbi-token" or name a problem.
 */
class BadInputCorpusTest {
  private static final String CANARY = "canary-secret-bad-input-7f3a";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadInputGetsItsCodeAndClearLines(String name, Path file) throws IOException {
    Case expected = Case.read(file);
    List<String> args = new ArrayList<>(List.of("--config", file.toString()));
    args.addAll(expected.args());

    ConsoleRun run = ConsoleRun.of(Main::run, expected.env(), args.toArray(String[]::new));

    assertAll(
        () -> assertEquals(expected.exitCode(), run.exitCode(), run::toString),
        () -> assertEquals("", run.stdout(), "stdout stays empty"),
        () -> assertFalse(run.stderr().contains("\tat "), "no stack trace: " + run),
        () -> assertFalse(run.stderr().contains(CANARY), "secret echoed: " + run),
        () ->
            assertTrue(
                run.stderr()
                    .lines()
                    .allMatch(line -> line.startsWith("pbi-token") || line.startsWith("  ")),
                "every line is ours: " + run),
        () -> {
          for (String fragment : expected.fragments()) {
            String located = expected.locate(fragment, file);
            assertTrue(
                run.stderr().contains(located), "expected '" + located + "' in:\n" + run.stderr());
          }
        });
  }

  @Test
  void theCorpusHasAtLeastFortyCases() throws Exception {
    assertTrue(cases().count() >= 40);
  }

  @Test
  void aMissingConfigFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("missing.conf");

    ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), "--config", missing.toString());

    assertEquals(78, run.exitCode());
    assertTrue(
        run.stderr().contains("--config " + missing + ": no readable file there"), run::toString);
  }

  @Test
  void aDirectoryIsNotAConfigFile(@TempDir Path dir) {
    ConsoleRun run = ConsoleRun.of(Main::run, Map.of(), "--config", dir.toString());

    assertEquals(78, run.exitCode());
    assertEquals(2, run.stderr().lines().count(), run::toString);
  }

  static Stream<Object[]> cases() throws URISyntaxException, IOException {
    Path dir = Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".conf"))
          .sorted()
          .map(f -> new Object[] {f.getFileName().toString(), f})
          .toList()
          .stream();
    }
  }

  private record Case(
      int exitCode,
      List<String> fragments,
      List<String> args,
      Map<String, String> env,
      int headerLines) {
    private static final Pattern FILE_LINE = Pattern.compile("FILE:(\\d+)");

    String locate(String fragment, Path file) {
      Matcher at = FILE_LINE.matcher(fragment);
      String withLines = at.replaceAll(m -> "FILE:" + (Integer.parseInt(m.group(1)) + headerLines));
      return withLines.replace("FILE", file.toString());
    }

    static Case read(Path file) throws IOException {
      int exit = -1;
      List<String> fragments = new ArrayList<>();
      List<String> args = new ArrayList<>();
      Map<String, String> env = new HashMap<>();
      int header = 0;
      for (String line : Files.readAllLines(file)) {
        if (line.matches("# (exit|expect|args|env): .*")) {
          header++;
        }
        if (line.startsWith("# exit: ")) {
          exit = Integer.parseInt(line.substring("# exit: ".length()).trim());
        } else if (line.startsWith("# expect: ")) {
          fragments.add(line.substring("# expect: ".length()));
        } else if (line.startsWith("# args: ")) {
          args.addAll(Arrays.asList(line.substring("# args: ".length()).trim().split("\\s+")));
        } else if (line.startsWith("# env: ")) {
          String[] pair = line.substring("# env: ".length()).split("=", 2);
          env.put(pair[0], pair[1]);
        }
      }
      assertTrue(exit > 0 && !fragments.isEmpty(), file + " needs '# exit:' and '# expect:' lines");
      return new Case(exit, fragments, args, env, header);
    }
  }
}
