package io.github.pbitoken.core.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Whom to sign out: one user by sign-in name, or everyone.
 *
 * @param username the user's sign-in name (matched case-insensitively), or {@code null} with {@code
 *     all}
 * @param all every signed-in account
 */
public record SignOutRequest(String username, boolean all) {
  public SignOutRequest {
    if (username != null) {
      username = username.trim();
      if (username.isEmpty()) {
        throw new IllegalArgumentException("username to sign out must not be blank");
      }
    }
    if (all == (username != null)) {
      throw new IllegalArgumentException("sign out either one user (USER) or everyone (--all)");
    }
  }

  public static SignOutRequest everyone() {
    return new SignOutRequest(null, true);
  }

  public static SignOutRequest user(String username) {
    return new SignOutRequest(username, false);
  }

  /** Whether {@code account} is one this request signs out. */
  public boolean matches(Account account) {
    return all || account.username().toLowerCase(Locale.ROOT).equals(lowerCaseUser().orElse(""));
  }

  private Optional<String> lowerCaseUser() {
    return Optional.ofNullable(username).map(name -> name.toLowerCase(Locale.ROOT));
  }
}
