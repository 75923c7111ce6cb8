package io.github.pbitoken.msal;

import io.github.pbitoken.core.port.out.AccountStore;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.util.Objects;

/**
 * The ports one MSAL application object serves, sharing its token cache: build it once and keep it.
 *
 * @param tokenAcquirer gets tokens (from the cache when it can)
 * @param accountStore lists and removes the signed-in users in the same cache
 */
public record MsalApplication(TokenAcquirer tokenAcquirer, AccountStore accountStore) {
  public MsalApplication {
    Objects.requireNonNull(tokenAcquirer, "token acquirer must not be null");
    Objects.requireNonNull(accountStore, "account store must not be null");
  }
}
