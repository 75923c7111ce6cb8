package io.github.pbitoken.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.SignOutRequest;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.testing.FakeAccountStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountServicesTest {
  private static final TenantId TENANT = new TenantId("00000000-0000-0000-0000-000000000001");
  private final Account bob = new Account("oid-b.tid", "Bob@contoso.com", TENANT);
  private final Account alice = new Account("oid-a.tid", "alice@contoso.com", TENANT);
  private final FakeAccountStore store = new FakeAccountStore().with(bob, alice);

  @Test
  void givenTwoAccounts_whenListed_thenSortedByUsername() throws Exception {
    assertEquals(List.of(alice, bob), new AccountListService(store).list());
  }

  @Test
  void givenTwoAccounts_whenOneUserSignsOut_thenOnlyThatUserIsRemoved() throws Exception {
    List<Account> removed =
        new SignOutService(store).signOut(SignOutRequest.user("BOB@contoso.com"));

    assertEquals(List.of(bob), removed);
    assertEquals(List.of(alice), store.accounts());
  }

  @Test
  void givenTwoAccounts_whenEveryoneSignsOut_thenNoneRemain() throws Exception {
    List<Account> removed = new SignOutService(store).signOut(SignOutRequest.everyone());

    assertEquals(2, removed.size());
    assertEquals(List.of(), store.accounts());
  }

  @Test
  void givenAnUnknownUser_whenSigningOut_thenNothingIsRemoved() throws Exception {
    assertEquals(List.of(), new SignOutService(store).signOut(SignOutRequest.user("eve@x.com")));
    assertEquals(2, store.accounts().size());
  }
}
