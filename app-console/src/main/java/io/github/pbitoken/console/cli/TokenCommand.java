package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.in.AcquireTokenUseCase;
import java.time.Clock;
import java.time.Duration;

/**
 * The default command, the walkthrough's step 2: get a token for Power BI and hand it over. The
 * token reaches stdout only in the format the user asked for.
 */
public final class TokenCommand {
  private final AcquireTokenUseCase acquireToken;
  private final CliSettings settings;
  private final ConsoleOutput console;
  private final Clock clock;

  public TokenCommand(
      AcquireTokenUseCase acquireToken, CliSettings settings, ConsoleOutput console, Clock clock) {
    this.acquireToken = acquireToken;
    this.settings = settings;
    this.console = console;
    this.clock = clock;
  }

  public ExitCode run(boolean forceRefresh) throws TokenAcquisitionException {
    AccessToken token = acquire(forceRefresh);
    if (settings.output() == OutputFormat.NONE) {
      console.message(summary(token));
    } else {
      console.result(new TokenFormatter(clock).format(token, settings.output()));
    }
    return ExitCode.OK;
  }

  /** Gets the configured token without printing it. */
  public AccessToken acquire(boolean forceRefresh) throws TokenAcquisitionException {
    TokenRequest request =
        forceRefresh ? settings.request().withForceRefresh() : settings.request();
    return acquireToken.acquire(request);
  }

  private String summary(AccessToken token) {
    Duration left = token.remainingAt(clock.instant());
    return "pbi-token: got a Power BI token for tenant "
        + token.tenant()
        + " ("
        + (token.account() == null ? "app-only" : token.account().username())
        + "), valid for "
        + left.toMinutes()
        + " more minutes, from "
        + (token.source().name().equals("CACHE") ? "the cache" : "Entra ID")
        + ". It was not printed: add --output token (or json, header, env) to print it.";
  }
}
