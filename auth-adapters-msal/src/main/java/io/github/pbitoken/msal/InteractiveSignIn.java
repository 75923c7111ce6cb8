package io.github.pbitoken.msal;

import java.util.Objects;

/**
 * The system browser, with MSAL's loopback redirect on {@code http://localhost} (any free port),
 * PKCE and {@code form_post}. The URL is always shown too; without a desktop the user opens it.
 *
 * @param browser how to open the sign-in URL
 */
public record InteractiveSignIn(BrowserLauncher browser) implements UserSignIn {
  public InteractiveSignIn {
    Objects.requireNonNull(browser, "browser must not be null");
  }

  /** With the desktop's default browser. */
  public static InteractiveSignIn withSystemBrowser() {
    return new InteractiveSignIn(BrowserLauncher.systemBrowser());
  }

  @Override
  public boolean prompts() {
    return true;
  }
}
