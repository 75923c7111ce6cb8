package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.SignOutRequest;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.port.in.ListAccountsUseCase;
import io.github.pbitoken.core.port.in.SignOutUseCase;
import java.util.List;
import java.util.Objects;

/**
 * {@code pbi-token accounts} and {@code pbi-token logout}: who is signed in (remembered in the
 * token cache), and forgetting them. The list is the result (stdout); everything else is a message.
 */
public final class AccountsCommand {
  private final ListAccountsUseCase listAccounts;
  private final SignOutUseCase signOut;
  private final Cloud cloud;
  private final ConsoleOutput console;

  public AccountsCommand(
      ListAccountsUseCase listAccounts,
      SignOutUseCase signOut,
      Cloud cloud,
      ConsoleOutput console) {
    this.listAccounts = Objects.requireNonNull(listAccounts, "listAccounts must not be null");
    this.signOut = Objects.requireNonNull(signOut, "signOut must not be null");
    this.cloud = Objects.requireNonNull(cloud, "cloud must not be null");
    this.console = Objects.requireNonNull(console, "console must not be null");
  }

  /** One line per account: username, tenant, cloud. */
  public ExitCode list() throws TokenAcquisitionException {
    List<Account> accounts = listAccounts.list();
    if (accounts.isEmpty()) {
      console.message("pbi-token: nobody is signed in (no account in the token cache)");
    }
    for (Account account : accounts) {
      console.result(
          account.username() + "\ttenant " + account.tenant() + "\tcloud " + cloud.configName());
    }
    return ExitCode.OK;
  }

  /** Removes the accounts the request names and says which. */
  public ExitCode logout(SignOutRequest request) throws TokenAcquisitionException {
    List<Account> removed = signOut.signOut(request);
    if (removed.isEmpty()) {
      console.message(
          request.all()
              ? "pbi-token: nobody was signed in"
              : "pbi-token: " + request.username() + " is not signed in; nothing to do");
    }
    for (Account account : removed) {
      console.message(
          "pbi-token: signed out " + account.username() + " (tenant " + account.tenant() + ")");
    }
    return ExitCode.OK;
  }
}
