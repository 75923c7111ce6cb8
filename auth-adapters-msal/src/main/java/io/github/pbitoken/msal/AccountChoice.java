package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which signed-in account a user flow acts for: the one the request names, the username-password
 * flow's user, or else the one account that belongs to the configured tenant, or none (then the
 * user signs in), never a guess between two. Shared by the public-client acquirer and the
 * cache-file lookup, so both choose alike.
 *
 * <ul>
 *   <li>a tenant GUID: accounts whose home account id ({@code <oid>.<tid>}) ends in it (a guest of
 *       that tenant, whose home is elsewhere, signs in again);
 *   <li>a tenant domain: accounts whose sign-in name is in that domain, or, when none is (the
 *       tenant has other domains too), every account;
 *   <li>{@code organizations}/{@code common}/{@code consumers}: every account.
 * </ul>
 *
 * MSAL files an account once per tenant it signed in to: those entries count as one account.
 */
final class AccountChoice {
  private AccountChoice() {}

  /**
   * The account that {@code request} is for: the one it names, the username-password flow's user,
   * or the one account of the request's tenant.
   */
  static <A> Optional<A> forRequest(
      List<A> accounts,
      Function<A, String> homeAccountId,
      Function<A, String> username,
      TokenRequest request,
      UserSignIn signIn) {
    if (request.account() != null) {
      String home = request.account().homeAccountId();
      return accounts.stream().filter(a -> homeAccountId.apply(a).equals(home)).findFirst();
    }
    if (signIn instanceof UsernamePasswordSignIn password) {
      return accounts.stream()
          .filter(a -> username.apply(a).equalsIgnoreCase(password.username()))
          .findFirst();
    }
    return of(accounts, homeAccountId, username, request.tenant());
  }

  static <A> Optional<A> of(
      List<A> accounts,
      Function<A, String> homeAccountId,
      Function<A, String> username,
      TenantId tenant) {
    List<A> distinct = distinctByHome(accounts, homeAccountId);
    List<A> candidates = distinct;
    if (tenant.isGuid()) {
      String suffix = "." + tenant.value();
      candidates =
          distinct.stream().filter(a -> lower(homeAccountId.apply(a)).endsWith(suffix)).toList();
    } else if (tenant.isSpecificTenant()) {
      String domain = "@" + tenant.value();
      candidates = narrowed(distinct, a -> lower(username.apply(a)).endsWith(domain));
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /** Those that match, or all of them when none does. */
  private static <A> List<A> narrowed(List<A> accounts, Predicate<A> matches) {
    List<A> matching = accounts.stream().filter(matches).toList();
    return matching.isEmpty() ? accounts : matching;
  }

  private static <A> List<A> distinctByHome(List<A> accounts, Function<A, String> homeAccountId) {
    Map<String, A> byHome = new LinkedHashMap<>();
    for (A account : accounts) {
      byHome.putIfAbsent(lower(homeAccountId.apply(account)), account);
    }
    return List.copyOf(byHome.values());
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
