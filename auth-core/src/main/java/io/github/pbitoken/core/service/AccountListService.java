package io.github.pbitoken.core.service;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.port.in.ListAccountsUseCase;
import io.github.pbitoken.core.port.out.AccountStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Lists the remembered accounts, by username then tenant. */
public final class AccountListService implements ListAccountsUseCase {
  private final AccountStore accountStore;

  public AccountListService(AccountStore accountStore) {
    this.accountStore = Objects.requireNonNull(accountStore, "account store must not be null");
  }

  @Override
  public List<Account> list() throws TokenAcquisitionException {
    return accountStore.accounts().stream()
        .sorted(
            Comparator.comparing(Account::username, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(account -> account.tenant().value()))
        .toList();
  }
}
