package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.SignOutRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The picocli side of {@code accounts} and {@code logout}; {@link AccountsCommand} does the work.
 */
final class AccountCommands {
  private AccountCommands() {}

  @Command(
      name = "accounts",
      mixinStandardHelpOptions = true,
      description =
          "Lists the signed-in users remembered in the token cache: username, tenant, cloud.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  pbi-token accounts --config device-code.conf",
        "  pbi-token accounts --config interactive.conf     after signing in"
      })
  static final class List implements Callable<Integer> {
    @Mixin SettingsOptions settings;

    private final Launcher launcher;

    List(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
      return launcher.accounts(settings.toInvocation(false, null)).code();
    }
  }

  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description = "Forgets a signed-in user (or, with --all, every one) in the token cache.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  pbi-token logout alice@contoso.com --config device-code.conf",
        "  pbi-token logout --all --config interactive.conf"
      })
  static final class Logout implements Callable<Integer> {
    @Mixin SettingsOptions settings;

    @Option(names = "--all", description = "Sign out every user.")
    boolean all;

    @Parameters(arity = "0..1", paramLabel = "USER", description = "The user's sign-in name.")
    String user;

    private final Launcher launcher;

    Logout(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
      SignOutRequest request;
      try {
        request = new SignOutRequest(user, all);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this), "logout: " + e.getMessage());
      }
      return launcher.logout(settings.toInvocation(false, null), request).code();
    }
  }
}
