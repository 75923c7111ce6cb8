package io.github.pbitoken.core.domain;

import java.util.Objects;

/**
 * A signed-in user as the identity provider knows it.
 *
 * @param homeAccountId the stable id MSAL keys the account on ({@code <oid>.<tid>})
 * @param username the sign-in name, e.g. {@code alice@contoso.com}
 * @param tenant the user's home tenant
 */
public record Account(String homeAccountId, String username, TenantId tenant) {
  public Account {
    Objects.requireNonNull(homeAccountId, "account home id must not be null");
    Objects.requireNonNull(username, "account username must not be null");
    Objects.requireNonNull(tenant, "account tenant must not be null");
    if (homeAccountId.isBlank()) {
      throw new IllegalArgumentException("account home id must not be blank");
    }
  }
}
