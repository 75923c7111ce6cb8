package io.github.pbitoken.console.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pbi-token}: the driving adapter. Parses the command line and hands over to a {@link
 * Launcher}.
 */
@Command(
    name = "pbi-token",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Gets a Microsoft Entra ID access token for the Power BI REST API.",
      "",
      "The token is printed only when you ask for it with --output."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pbi-token --config app.conf                      get a token (cached or new)",
      "  pbi-token --config app.conf --force-refresh      prove the credential now",
      "  TOKEN=$(pbi-token --config app.conf -o token)     use the token in a script",
      "  pbi-token -o header | curl -H @- https://api.powerbi.com/v1.0/myorg/groups",
      "  pbi-token config --config app.conf               show the effective settings"
    })
public final class PbiTokenCommand implements Callable<Integer> {
  @Mixin SettingsOptions settings;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "What to print on stdout: none, token, json, header or env.")
  String output;

  @Option(names = "--force-refresh", description = "Ignore cached tokens and ask Entra ID.")
  boolean forceRefresh;

  private final Launcher launcher;

  PbiTokenCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() throws Exception {
    return launcher.token(settings.toInvocation(forceRefresh, output)).code();
  }

  /** {@code pbi-token config}: the effective configuration with the origin of each value. */
  @Command(
      name = "config",
      mixinStandardHelpOptions = true,
      description =
          "Shows the effective configuration, where each value came from; secrets masked.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  pbi-token config --config app.conf             every setting and its origin",
        "  PBI_TOKEN_CLOUD=usgov pbi-token config -c app.conf   see an override win"
      })
  static final class ConfigCommand implements Callable<Integer> {
    @Mixin SettingsOptions settings;

    private final Launcher launcher;

    ConfigCommand(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
      return launcher.showConfig(settings.toInvocation(false, null)).code();
    }
  }

  /** {@code pbi-token inspect}: what a token says, checked against the walkthrough's needs. */
  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = {
        "Decodes a token and checks it for pushing data to Power BI.",
        "The signature is NOT verified. Checks: audience of the configured cloud,",
        "Dataset.ReadWrite.All for a user, not expired. Exit 0 when every check passes,",
        "65 otherwise."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  pbi-token inspect --config app.conf          inspect a freshly acquired token",
        "  pbi-token -o token -c app.conf | pbi-token inspect -",
        "  pbi-token inspect \"$TOKEN\" --cloud usgov --json"
      })
  static final class InspectCommand implements Callable<Integer> {
    @Mixin SettingsOptions settings;

    @picocli.CommandLine.Parameters(
        arity = "0..1",
        paramLabel = "TOKEN",
        description = "The token, or - to read it from stdin; none: get one as configured.")
    String token;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    private final Launcher launcher;

    InspectCommand(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
      return launcher.inspect(settings.toInvocation(false, null), token, json).code();
    }
  }

  /** {@code pbi-token doctor}: is everything in place to get a token? */
  @Command(
      name = "doctor",
      mixinStandardHelpOptions = true,
      description = {
        "Checks that everything is in place to get a token, without signing in.",
        "Configuration, the authority host and tenant, proxy and trust store, clock, token",
        "cache, credential files: one PASS/WARN/FAIL line each, with a fix. Never prints a secret.",
        "Exit 0 when nothing failed (warnings allowed); 78 configuration or unknown tenant,",
        "69 identity provider unreachable, 77 credential files, 65 anything else."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  pbi-token doctor --config app.conf",
        "  pbi-token doctor --tenant contoso.onmicrosoft.com --cloud usgov"
      })
  static final class DoctorCommand implements Callable<Integer> {
    @Mixin SettingsOptions settings;

    private final Launcher launcher;

    DoctorCommand(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
      return launcher.doctor(settings.toInvocation(false, null)).code();
    }
  }

  /**
   * Runs {@code args} and returns the exit code: the plain token command line ({@link
   * PlainTokenArgs}) straight away, every other one through {@link #commandLine picocli}. Both end
   * the same way: the launcher's exit code, or the failure reported as {@link FailureReport} does.
   */
  public static int execute(
      Launcher launcher, ConsoleOutput console, boolean color, String[] args) {
    Optional<Invocation> plain = PlainTokenArgs.parse(args);
    if (plain.isEmpty()) {
      return commandLine(launcher, console, color).execute(args);
    }
    try {
      return launcher.token(plain.get()).code();
    } catch (Exception failure) {
      return report(failure, false, console);
    }
  }

  private static int report(Exception failure, boolean verbose, ConsoleOutput console) {
    FailureReport.print(failure, verbose, console);
    return ExitCode.of(failure).code();
  }

  /**
   * The whole command line, wired to {@code launcher} and {@code console}: one line for usage
   * errors (exit 64), failures reported by {@link FailureReport} with {@link ExitCode#of}.
   */
  public static CommandLine commandLine(Launcher launcher, ConsoleOutput console) {
    return commandLine(launcher, console, true);
  }

  /**
   * As {@link #commandLine(Launcher, ConsoleOutput)}; with {@code color} false (the user set {@code
   * NO_COLOR}) help never has ANSI escapes. Otherwise picocli's AUTO: color only on a terminal.
   */
  public static CommandLine commandLine(Launcher launcher, ConsoleOutput console, boolean color) {
    CommandLine commandLine = new CommandLine(new PbiTokenCommand(launcher));
    commandLine.addSubcommand(new ConfigCommand(launcher));
    commandLine.addSubcommand(new AccountCommands.List(launcher));
    commandLine.addSubcommand(new AccountCommands.Logout(launcher));
    commandLine.addSubcommand(new InspectCommand(launcher));
    commandLine.addSubcommand(new DoctorCommand(launcher));
    CommandLine completion = new CommandLine(new picocli.AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(true);
    commandLine.addSubcommand("generate-completion", completion);
    if (!color) {
      commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    }
    commandLine.setOut(new java.io.PrintWriter(console.stdout(), true));
    commandLine.setErr(new java.io.PrintWriter(console.stderr(), true));
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      exitCodes.put(String.format("%3d", code.code()), code.meaning());
    }
    commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    commandLine.getCommandSpec().usageMessage().exitCodeList(exitCodes);
    commandLine.setParameterExceptionHandler(
        (failure, args) -> {
          String suggestion =
              failure instanceof CommandLine.UnmatchedArgumentException unmatched
                      && !unmatched.getSuggestions().isEmpty()
                  ? "; did you mean " + unmatched.getSuggestions().get(0) + "?"
                  : "";
          console.message(
              "pbi-token: " + failure.getMessage() + suggestion + " (see pbi-token --help)");
          return ExitCode.USAGE.code();
        });
    commandLine.setExecutionExceptionHandler(
        (failure, cmd, parseResult) -> {
          boolean verbose =
              Arrays.stream(parseResult.originalArgs().toArray(String[]::new))
                  .anyMatch(arg -> arg.equals("-v") || arg.equals("--verbose"));
          return report(failure, verbose, console);
        });
    return commandLine;
  }
}
