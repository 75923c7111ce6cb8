package io.github.pbitoken.core.testing;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.port.out.AccountStore;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link AccountStore}: accounts are added by the test, removals recorded. */
public final class FakeAccountStore implements AccountStore {
  private final List<Account> accounts = new ArrayList<>();
  private final List<Account> removed = new ArrayList<>();

  public FakeAccountStore with(Account... signedIn) {
    accounts.addAll(List.of(signedIn));
    return this;
  }

  @Override
  public synchronized List<Account> accounts() {
    return List.copyOf(accounts);
  }

  @Override
  public synchronized void remove(Account account) {
    if (accounts.remove(account)) {
      removed.add(account);
    }
  }

  public synchronized List<Account> removed() {
    return List.copyOf(removed);
  }
}
