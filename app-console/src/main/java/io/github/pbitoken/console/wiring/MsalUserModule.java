package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.console.config.TokenCacheSettings;
import io.github.pbitoken.core.port.out.AccountStore;
import io.github.pbitoken.core.port.out.SignInPrompt;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalApplication;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.msal.UserSignInSettings;

/**
 * The real identity provider for a signed-in user, through MSAL4J: a public client whose cache (the
 * user's sign-in) is persisted in the cache file unless that is turned off.
 *
 * <p>Provides: {@link TokenAcquirer}, {@link AccountStore}. Requires: {@link MsalSettings}, {@link
 * UserSignInSettings}, {@link TokenCacheSettings}, {@link SignInPrompt}.
 */
public final class MsalUserModule extends AbstractModule {
  @Provides
  @Singleton
  MsalApplication application(
      MsalSettings settings,
      UserSignInSettings signIn,
      TokenCacheSettings cache,
      SignInPrompt prompt) {
    return MsalAdapters.publicClient(settings, signIn, MsalModule.cacheStore(cache), prompt);
  }

  @Provides
  @Singleton
  TokenAcquirer tokenAcquirer(MsalApplication application) {
    return application.tokenAcquirer();
  }

  @Provides
  @Singleton
  AccountStore accountStore(MsalApplication application) {
    return application.accountStore();
  }
}
