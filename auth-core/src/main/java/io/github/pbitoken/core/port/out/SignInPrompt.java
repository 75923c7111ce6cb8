package io.github.pbitoken.core.port.out;

import io.github.pbitoken.core.domain.DeviceCodePrompt;
import java.net.URI;

/**
 * Talks to the person signing in, on whatever they are looking at (a terminal's stderr). Never
 * asked to show a token or a secret.
 */
public interface SignInPrompt {
  /** Shows the device code and where to enter it; called once, as soon as the code is known. */
  void showDeviceCode(DeviceCodePrompt prompt);

  /**
   * Shows the sign-in URL of an interactive sign-in.
   *
   * @param browserOpened whether a browser was opened on it; if not, the person must open it
   */
  void showBrowserUrl(URI url, boolean browserOpened);

  /** The sign-in ended (either way): stop any countdown. */
  void signInEnded();
}
