package io.github.pbitoken.tests.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.core.port.out.AccountStore;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.testing.FakeAccountStore;
import io.github.pbitoken.core.testing.FakeTokenAcquirer;

/**
 * Stands in for {@code MsalModule}: same binding, a scripted fake behind it.
 *
 * <p>Provides: {@link TokenAcquirer}, {@link AccountStore} (nobody signed in). Requires: nothing.
 */
public final class FakeTokenAcquirerModule extends AbstractModule {
  private final FakeTokenAcquirer fake;

  public FakeTokenAcquirerModule(FakeTokenAcquirer fake) {
    this.fake = fake;
  }

  @Provides
  @Singleton
  TokenAcquirer tokenAcquirer() {
    return fake;
  }

  @Provides
  @Singleton
  AccountStore accountStore() {
    return new FakeAccountStore();
  }
}
