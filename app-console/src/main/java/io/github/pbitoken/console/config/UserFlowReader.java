package io.github.pbitoken.console.config;

import static io.github.pbitoken.console.config.SettingKey.PASSWORD;
import static io.github.pbitoken.console.config.SettingKey.PROMPT;
import static io.github.pbitoken.console.config.SettingKey.SIGN_IN_TIMEOUT;
import static io.github.pbitoken.console.config.SettingKey.USERNAME;
import static io.github.pbitoken.console.config.SettingsReader.positiveDuration;

import com.typesafe.config.Config;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.msal.DeviceCodeSignIn;
import io.github.pbitoken.msal.InteractiveSignIn;
import io.github.pbitoken.msal.UserSignIn;
import io.github.pbitoken.msal.UserSignInSettings;
import io.github.pbitoken.msal.UsernamePasswordSignIn;
import java.time.Duration;

/** Reads what the user sign-in flows need; the app-only flows need none of it. */
final class UserFlowReader {
  /** Printed when a user flow falls back to the well-known public client. */
  static final String WELL_KNOWN_CLIENT_NOTICE =
      "pbi-token: no client-id configured: signing in with the Azure CLI's public client "
          + ClientId.AZURE_CLI
          + "; register your own app for production use (README, \"Sign in as a user\")";

  /** Printed for the username-password flow. */
  static final String PASSWORD_FLOW_NOTICE =
      "pbi-token: warning: flow username-password is deprecated by Microsoft and fails for"
          + " accounts with multi-factor authentication; prefer device-code";

  private UserFlowReader() {}

  /** The sign-in settings of a user flow, or {@code null} for app-only flows or on problems. */
  static UserSignInSettings read(SettingsReader read, Flow flow) {
    // checked whatever the flow: a wrong value is reported even where it is not used yet
    Boolean prompt = read.optional(PROMPT, Config::getBoolean);
    Duration timeout = read.optional(SIGN_IN_TIMEOUT, positiveDuration());
    if (flow == null || !flow.isUserFlow()) {
      read.optional(USERNAME, SettingsReader.string());
      return null;
    }
    UserSignIn signIn = signIn(read, flow);
    return prompt == null || timeout == null || signIn == null
        ? null
        : new UserSignInSettings(signIn, prompt, timeout);
  }

  private static UserSignIn signIn(SettingsReader read, Flow flow) {
    if (flow == Flow.DEVICE_CODE) {
      return new DeviceCodeSignIn();
    }
    if (flow == Flow.INTERACTIVE) {
      return InteractiveSignIn.withSystemBrowser();
    }
    if (flow == Flow.USERNAME_PASSWORD) {
      String username =
          read.required(USERNAME, SettingsReader.string(), "the user's sign-in name (UPN)");
      Secret password =
          read.required(PASSWORD, (c, p) -> Secret.of(c.getString(p)), "the user's password");
      if (username == null || password == null) {
        return null;
      }
      try {
        return new UsernamePasswordSignIn(username, password);
      } catch (IllegalArgumentException e) {
        read.problem(USERNAME, e.getMessage());
        return null;
      }
    }
    return null;
  }
}
