package io.github.pbitoken.core.service;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.SignOutRequest;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.port.in.SignOutUseCase;
import io.github.pbitoken.core.port.out.AccountStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Removes the accounts a {@link SignOutRequest} names. Signing out a user who is not signed in is
 * not an error: the result is simply empty.
 */
public final class SignOutService implements SignOutUseCase {
  private final AccountStore accountStore;

  public SignOutService(AccountStore accountStore) {
    this.accountStore = Objects.requireNonNull(accountStore, "account store must not be null");
  }

  @Override
  public List<Account> signOut(SignOutRequest request) throws TokenAcquisitionException {
    Objects.requireNonNull(request, "sign-out request must not be null");
    List<Account> removed = new ArrayList<>();
    for (Account account : accountStore.accounts()) {
      if (request.matches(account)) {
        accountStore.remove(account);
        removed.add(account);
      }
    }
    return List.copyOf(removed);
  }
}
