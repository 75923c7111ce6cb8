package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.IAccount;
import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenCacheWriteException;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import io.github.pbitoken.core.port.out.AccountStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AccountStore} on an MSAL application's token cache (and so on the persistent cache file
 * behind it). Reading and removing accounts is local: no HTTP request.
 */
final class MsalAccountStore implements AccountStore {
  private final AbstractClientApplicationBase app;
  private final Duration timeout;
  private final PersistentTokenCache persistence;

  /** {@code persistence}: the persistent cache behind {@code app}, or {@code null} for none. */
  MsalAccountStore(
      AbstractClientApplicationBase app, Duration timeout, PersistentTokenCache persistence) {
    this.app = Objects.requireNonNull(app, "app must not be null");
    this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
    this.persistence = persistence;
  }

  @Override
  public List<Account> accounts() throws TokenAcquisitionException {
    List<Account> accounts = new ArrayList<>();
    for (IAccount account : msalAccounts()) {
      toAccount(account).ifPresent(accounts::add);
    }
    return List.copyOf(accounts);
  }

  @Override
  public void remove(Account account) throws TokenAcquisitionException {
    Objects.requireNonNull(account, "account must not be null");
    for (IAccount candidate : msalAccounts()) {
      if (candidate.homeAccountId().equals(account.homeAccountId())) {
        if (persistence != null) {
          persistence.letCallerReportWriteFailures();
        }
        await(app.removeAccount(candidate), "remove an account from");
        failIfNotSaved(account);
      }
    }
  }

  /** A sign-out that stays in memory only would leave the account signed in on disk. */
  private void failIfNotSaved(Account account) throws TokenCacheWriteException {
    Optional<Exception> failure =
        persistence == null ? Optional.empty() : persistence.lastWriteFailure();
    if (failure.isPresent()) {
      throw new TokenCacheWriteException(
          account.username()
              + " is still signed in: the token cache could not be written ("
              + failure.get().getClass().getSimpleName()
              + ": "
              + failure.get().getMessage()
              + ")",
          FailureDetails.hint(
              "make the token cache file and its directory writable (token-cache.file), then"
                  + " run logout again"));
    }
  }

  /** An MSAL account as a domain account; one without a usable tenant is skipped. */
  static Optional<Account> toAccount(IAccount account) {
    String home = account.homeAccountId();
    if (home == null || home.isBlank() || account.username() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Account(
              home, account.username(), new TenantId(home.substring(home.lastIndexOf('.') + 1))));
    } catch (IllegalArgumentException notATenant) {
      return Optional.empty();
    }
  }

  private Set<IAccount> msalAccounts() throws TokenAcquisitionException {
    return await(app.getAccounts(), "read the accounts in");
  }

  private <T> T await(CompletableFuture<T> future, String what) throws TokenAcquisitionException {
    return MsalFutures.await(
        future,
        timeout,
        "the token cache",
        failure ->
            new UnexpectedIdentityProviderResponseException(
                "could not "
                    + what
                    + " the token cache ("
                    + failure.getClass().getSimpleName()
                    + ")",
                FailureDetails.hint(
                    "run with --verbose for details; delete the cache file to start over"),
                failure));
  }
}
