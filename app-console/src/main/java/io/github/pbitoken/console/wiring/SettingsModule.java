package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.console.cli.CliSettings;
import io.github.pbitoken.console.config.AppSettings;
import io.github.pbitoken.console.config.TokenCacheSettings;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.msal.UserSignInSettings;

/**
 * The validated settings, one record per owner.
 *
 * <p>Provides: {@link MsalSettings}, {@link TokenPolicy}, {@link CliSettings}, {@link
 * TokenCacheSettings}, {@link UserSignInSettings} (user flows only). Requires: nothing.
 */
public final class SettingsModule extends AbstractModule {
  private final AppSettings settings;

  public SettingsModule(AppSettings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  MsalSettings msalSettings() {
    return settings.msal();
  }

  @Provides
  @Singleton
  TokenPolicy tokenPolicy() {
    return settings.tokenPolicy();
  }

  @Provides
  @Singleton
  CliSettings cliSettings() {
    return settings.cli();
  }

  @Provides
  @Singleton
  TokenCacheSettings tokenCacheSettings() {
    return settings.tokenCache();
  }

  /**
   * Unscoped on purpose: only the user-flow module asks for it, and only the user flows have it, so
   * the app-only graphs never provision it (a singleton would be created eagerly, and be null).
   */
  @Provides
  UserSignInSettings userSignInSettings() {
    return settings.userSignIn();
  }
}
