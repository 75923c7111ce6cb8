package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.console.cli.RefreshFailureLog;
import io.github.pbitoken.core.port.in.AcquireTokenUseCase;
import io.github.pbitoken.core.port.in.ListAccountsUseCase;
import io.github.pbitoken.core.port.in.SignOutUseCase;
import io.github.pbitoken.core.port.out.AccountStore;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.port.out.TokenEvents;
import io.github.pbitoken.core.service.AccountListService;
import io.github.pbitoken.core.service.SignOutService;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.core.service.TokenService;
import java.time.Clock;

/**
 * The core use cases on top of whichever {@link TokenAcquirer} the flow module provides.
 *
 * <p>Provides: {@link Clock}, {@link TokenEvents} (failed refreshes logged at WARN), {@link
 * AcquireTokenUseCase}, {@link ListAccountsUseCase}, {@link SignOutUseCase}. Requires: {@link
 * TokenAcquirer}, {@link AccountStore}, {@link TokenPolicy}.
 */
public final class CoreModule extends AbstractModule {
  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Provides
  @Singleton
  TokenEvents tokenEvents() {
    return new RefreshFailureLog();
  }

  @Provides
  @Singleton
  AcquireTokenUseCase acquireToken(
      TokenAcquirer tokenAcquirer, Clock clock, TokenPolicy policy, TokenEvents events) {
    return new TokenService(tokenAcquirer, clock, policy, events);
  }

  @Provides
  @Singleton
  ListAccountsUseCase listAccounts(AccountStore accountStore) {
    return new AccountListService(accountStore);
  }

  @Provides
  @Singleton
  SignOutUseCase signOut(AccountStore accountStore) {
    return new SignOutService(accountStore);
  }
}
