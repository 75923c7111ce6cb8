package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.console.cli.AccountsCommand;
import io.github.pbitoken.console.cli.AcquisitionLog;
import io.github.pbitoken.console.cli.CliSettings;
import io.github.pbitoken.console.cli.ConsoleOutput;
import io.github.pbitoken.console.cli.ConsoleSignInPrompt;
import io.github.pbitoken.console.cli.TokenCommand;
import io.github.pbitoken.core.port.in.AcquireTokenUseCase;
import io.github.pbitoken.core.port.in.ListAccountsUseCase;
import io.github.pbitoken.core.port.in.SignOutUseCase;
import io.github.pbitoken.core.port.out.SignInPrompt;
import io.github.pbitoken.msal.MsalSettings;
import java.time.Clock;

/**
 * The commands of the driving adapter.
 *
 * <p>Provides: {@link ConsoleOutput}, {@link SignInPrompt} (stderr), {@link TokenCommand}. {@link
 * AccountsCommand}. Requires: {@link AcquireTokenUseCase}, {@link ListAccountsUseCase}, {@link
 * SignOutUseCase}, {@link CliSettings}, {@link MsalSettings}, {@link Clock}.
 */
public final class CliModule extends AbstractModule {
  private final ConsoleOutput console;

  public CliModule(ConsoleOutput console) {
    this.console = console;
  }

  @Provides
  @Singleton
  ConsoleOutput console() {
    return console;
  }

  @Provides
  @Singleton
  SignInPrompt signInPrompt(ConsoleOutput console) {
    return new ConsoleSignInPrompt(console, Clock.systemUTC(), System.console() != null);
  }

  @Provides
  @Singleton
  TokenCommand tokenCommand(
      AcquireTokenUseCase acquireToken, CliSettings settings, ConsoleOutput console, Clock clock) {
    return new TokenCommand(new AcquisitionLog(acquireToken), settings, console, clock);
  }

  @Provides
  @Singleton
  AccountsCommand accountsCommand(
      ListAccountsUseCase listAccounts,
      SignOutUseCase signOut,
      MsalSettings settings,
      ConsoleOutput console) {
    return new AccountsCommand(listAccounts, signOut, settings.cloud(), console);
  }
}
