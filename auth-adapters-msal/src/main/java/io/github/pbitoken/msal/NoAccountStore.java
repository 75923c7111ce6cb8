package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.port.out.AccountStore;
import java.util.List;

/**
 * The accounts of a managed identity: none; nobody signs in, the Azure host vouches for the app.
 */
final class NoAccountStore implements AccountStore {
  @Override
  public List<Account> accounts() {
    return List.of();
  }

  @Override
  public void remove(Account account) {
    // nothing is remembered, so nothing to forget
  }
}
