package io.github.pbitoken.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.SignOutRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain token command line is read exactly as picocli reads it, and nothing else is read. */
class PlainTokenArgsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--config app.conf",
        "-c app.conf",
        "--config=app.conf",
        "-o token",
        "--output json",
        "--output=header",
        "--no-prompt",
        "-c app.conf -o token",
        "-o env --config /etc/pbi-token/app.conf --no-prompt",
        "--no-prompt --output=token --config=dir/with=equals.conf",
        "-o bogus-format",
      })
  void readsWhatPicocliReads(String line) {
    String[] args = args(line);

    Optional<Invocation> plain = PlainTokenArgs.parse(args);

    assertTrue(plain.isPresent(), "not recognised: " + line);
    assertEquals(picocli(args), plain.get());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "config",
        "--help",
        "-h",
        "--version",
        "-v",
        "--verbose -o token",
        "--force-refresh",
        "--tenant contoso.onmicrosoft.com",
        "-s Dataset.ReadWrite.All",
        "-c a.conf -c b.conf",
        "-o token -o json",
        "--no-prompt --no-prompt",
        "--config",
        "-o",
        "--config= -o token",
        "-c -o token",
        "-capp.conf",
        "-otoken",
        "--conf app.conf",
        "app.conf",
        "--no-prompt=true",
        "-c doctor -o token",
        "--config=config",
        "-c @args.txt",
        "-o accounts",
      })
  void leavesEveryOtherCommandLineToPicocli(String line) {
    assertEquals(Optional.empty(), PlainTokenArgs.parse(args(line)));
  }

  @Test
  void knowsEverySubcommandPicocliKnows() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    Set<String> picocli =
        PbiTokenCommand.commandLine(
                new RecordingLauncher(new ArrayList<>()), new ConsoleOutput(sink, sink))
            .getSubcommands()
            .keySet();

    assertTrue(PlainTokenArgs.SUBCOMMANDS.containsAll(picocli), picocli::toString);
  }

  private static String[] args(String line) {
    return line.isEmpty() ? new String[0] : line.split(" ");
  }

  /** The invocation picocli hands to the launcher's token command for {@code args}. */
  private static Invocation picocli(String[] args) {
    List<Invocation> seen = new ArrayList<>();
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    int exit =
        PbiTokenCommand.commandLine(new RecordingLauncher(seen), new ConsoleOutput(sink, sink))
            .execute(args);
    assertEquals(0, exit, "picocli refused it");
    assertEquals(1, seen.size());
    return seen.get(0);
  }

  private record RecordingLauncher(List<Invocation> seen) implements Launcher {
    @Override
    public ExitCode token(Invocation invocation) {
      seen.add(invocation);
      return ExitCode.OK;
    }

    @Override
    public ExitCode inspect(Invocation invocation, String token, boolean json) {
      throw new AssertionError("not the token command");
    }

    @Override
    public ExitCode showConfig(Invocation invocation) {
      throw new AssertionError("not the token command");
    }

    @Override
    public ExitCode doctor(Invocation invocation) {
      throw new AssertionError("not the token command");
    }

    @Override
    public ExitCode accounts(Invocation invocation) {
      throw new AssertionError("not the token command");
    }

    @Override
    public ExitCode logout(Invocation invocation, SignOutRequest request) {
      throw new AssertionError("not the token command");
    }
  }
}
