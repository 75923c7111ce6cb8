package io.github.pbitoken.console.wiring;

import com.google.inject.Module;
import io.github.pbitoken.console.config.AppSettings;
import io.github.pbitoken.console.config.Flow;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.msal.PersistedTokenLookup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The MSAL4J adapters: a public client for the user flows, a confidential one for the others. */
final class MsalFlowModules implements FlowModules {
  @Override
  public Module tokenAcquirerModule(Flow flow) {
    return flow.isUserFlow() ? new MsalUserModule() : new MsalModule();
  }

  /** Reads MSAL's cache file directly; managed identity tokens are not persisted there. */
  @Override
  public Optional<AccessToken> persistedToken(AppSettings settings, Instant now) {
    Optional<Path> file = settings.tokenCache().persistedFile();
    if (file.isEmpty() || settings.flow() == Flow.MANAGED_IDENTITY) {
      return Optional.empty();
    }
    PersistedTokenLookup lookup =
        settings.flow().isUserFlow()
            ? PersistedTokenLookup.forUser(
                file.get(), settings.msal(), settings.userSignIn().signIn())
            : PersistedTokenLookup.forApp(file.get(), settings.msal());
    return lookup.find(settings.cli().request(), now, settings.tokenPolicy());
  }
}
