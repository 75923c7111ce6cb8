package io.github.pbitoken.msal;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/** Opens a sign-in URL in a browser; says whether it could. */
@FunctionalInterface
public interface BrowserLauncher {
  /** Opens {@code url}; false when no browser can be opened here (headless, SSH, no desktop). */
  boolean open(URI url);

  /** The desktop's default browser through {@code java.awt.Desktop}, when there is a desktop. */
  static BrowserLauncher systemBrowser() {
    return url -> {
      if (GraphicsEnvironment.isHeadless()
          || !Desktop.isDesktopSupported()
          || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        return false;
      }
      try {
        Desktop.getDesktop().browse(url);
        return true;
      } catch (java.io.IOException | RuntimeException cannotOpen) {
        return false;
      }
    };
  }
}
