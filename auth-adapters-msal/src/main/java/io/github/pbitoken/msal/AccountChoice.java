package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which signed-in account a user flow acts for when the request names none: the one account that
 * belongs to the configured tenant, or none (then the user signs in), never a guess between two.
 * Shared by the public-client acquirer and the cache-file lookup, so both choose alike.
 *
 * <ul>
 *   <li>a tenant GUID: accounts whose home account id ({@code <oid>.<tid>}) ends in it;
 *   <li>a tenant domain: accounts whose sign-in name is in that domain, or, when none is (the
 *       tenant has other domains too), every account;
 *   <li>{@code organizations}/{@code common}/{@code consumers}: every account.
 * </ul>
 */
final class AccountChoice {
  private AccountChoice() {}

  static <A> Optional<A> of(
      List<A> accounts,
      Function<A, String> homeAccountId,
      Function<A, String> username,
      TenantId tenant) {
    List<A> candidates = accounts;
    if (tenant.isGuid()) {
      String suffix = "." + tenant.value();
      candidates =
          accounts.stream().filter(a -> lower(homeAccountId.apply(a)).endsWith(suffix)).toList();
    } else if (tenant.isSpecificTenant()) {
      String domain = "@" + tenant.value();
      List<A> inDomain =
          accounts.stream().filter(a -> lower(username.apply(a)).endsWith(domain)).toList();
      candidates = inDomain.isEmpty() ? accounts : inDomain;
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
