package io.github.pbitoken.msal;

import java.time.Duration;
import java.util.Objects;

/**
 * How the public client signs users in.
 *
 * @param signIn the flow used when the cache cannot answer silently
 * @param allowPrompt whether a device code or browser may be shown; false in scripts, where a
 *     missing or expired sign-in fails at once ("sign in again")
 * @param signInTimeout bound on waiting for the person (device code, browser)
 */
public record UserSignInSettings(UserSignIn signIn, boolean allowPrompt, Duration signInTimeout) {
  public UserSignInSettings {
    Objects.requireNonNull(signIn, "sign-in must not be null");
    Objects.requireNonNull(signInTimeout, "sign-in timeout must not be null");
    if (signInTimeout.isNegative() || signInTimeout.isZero()) {
      throw new IllegalArgumentException("sign-in timeout must be positive, was " + signInTimeout);
    }
  }
}
