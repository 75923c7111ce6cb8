package io.github.pbitoken.console.config;

import io.github.pbitoken.console.cli.CliSettings;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.msal.MsalSettings;
import java.util.Objects;

/** The whole validated configuration, one typed record per owner. */
public record AppSettings(
    Flow flow,
    MsalSettings msal,
    TokenPolicy tokenPolicy,
    CliSettings cli,
    TokenCacheSettings tokenCache) {
  public AppSettings {
    Objects.requireNonNull(flow, "flow must not be null");
    Objects.requireNonNull(msal, "msal settings must not be null");
    Objects.requireNonNull(tokenPolicy, "token policy must not be null");
    Objects.requireNonNull(cli, "cli settings must not be null");
    Objects.requireNonNull(tokenCache, "token cache settings must not be null");
  }
}
