package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalSettings;

/**
 * The real identity provider, through MSAL4J: a confidential client (service principal). A
 * singleton because the MSAL application object holds the token cache.
 *
 * <p>Provides: {@link TokenAcquirer}. Requires: {@link MsalSettings}.
 */
public final class MsalModule extends AbstractModule {
  @Provides
  @Singleton
  TokenAcquirer tokenAcquirer(MsalSettings settings) {
    return MsalAdapters.tokenAcquirer(settings);
  }
}
