package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.console.config.TokenCacheSettings;
import io.github.pbitoken.core.port.out.AccountStore;
import io.github.pbitoken.core.port.out.CacheStore;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalApplication;
import io.github.pbitoken.msal.MsalSettings;

/**
 * The real identity provider, through MSAL4J: a confidential client (service principal). A
 * singleton because the MSAL application object holds the token cache, persisted in the cache file
 * unless that is turned off.
 *
 * <p>Provides: {@link TokenAcquirer}, {@link AccountStore}. Requires: {@link MsalSettings}, {@link
 * TokenCacheSettings}.
 */
public final class MsalModule extends AbstractModule {
  @Provides
  @Singleton
  MsalApplication application(MsalSettings settings, TokenCacheSettings cache) {
    return MsalAdapters.confidentialClient(settings, cacheStore(cache));
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

  /** The persistent store, or {@code null} for MSAL's in-memory cache only. */
  static CacheStore cacheStore(TokenCacheSettings cache) {
    return cache.persistedFile().map(MsalAdapters::fileCacheStore).orElse(null);
  }
}
