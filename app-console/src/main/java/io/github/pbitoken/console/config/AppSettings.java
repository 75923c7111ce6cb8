package io.github.pbitoken.console.config;

import io.github.pbitoken.console.cli.CliSettings;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.msal.UserSignInSettings;
import java.util.List;
import java.util.Objects;

/**
 * The whole validated configuration, one typed record per owner; {@code userSignIn} only for the
 * user flows; {@code notices} are one-line remarks to show before running (never problems).
 */
public record AppSettings(
    Flow flow,
    MsalSettings msal,
    TokenPolicy tokenPolicy,
    CliSettings cli,
    TokenCacheSettings tokenCache,
    UserSignInSettings userSignIn,
    List<String> notices) {
  public AppSettings {
    Objects.requireNonNull(flow, "flow must not be null");
    Objects.requireNonNull(msal, "msal settings must not be null");
    Objects.requireNonNull(tokenPolicy, "token policy must not be null");
    Objects.requireNonNull(cli, "cli settings must not be null");
    Objects.requireNonNull(tokenCache, "token cache settings must not be null");
    if (flow.isUserFlow() != (userSignIn != null)) {
      throw new IllegalArgumentException(
          "user sign-in settings are needed exactly for the user flows, flow was " + flow);
    }
    notices = List.copyOf(notices);
  }
}
