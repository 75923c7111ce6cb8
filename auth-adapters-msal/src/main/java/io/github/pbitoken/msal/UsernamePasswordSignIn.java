package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.util.Objects;

/**
 * The resource-owner password grant: deprecated by Microsoft, broken by MFA; for test accounts
 * only.
 */
public record UsernamePasswordSignIn(String username, Secret password) implements UserSignIn {
  public UsernamePasswordSignIn {
    Objects.requireNonNull(username, "username must not be null");
    Objects.requireNonNull(password, "password must not be null");
    if (!username.contains("@")) {
      throw new IllegalArgumentException(
          "username must be a sign-in name such as alice@contoso.com, was '" + username + "'");
    }
  }

  @Override
  public boolean prompts() {
    return false;
  }
}
