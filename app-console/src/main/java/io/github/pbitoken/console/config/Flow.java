package io.github.pbitoken.console.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How pbi-token signs in. The flow chooses which adapter module the composition root installs. */
public enum Flow {
  /** A service principal with a client secret: an app-only token. */
  CLIENT_SECRET("client-secret"),
  /** A service principal with a certificate (PEM or PKCS#12): an app-only token. */
  CLIENT_CERTIFICATE("client-certificate"),
  /** A service principal with a signed assertion, e.g. a federated token file: app-only. */
  CLIENT_ASSERTION("client-assertion"),
  /** The Azure host's managed identity (system- or user-assigned): app-only. */
  MANAGED_IDENTITY("managed-identity"),
  /** A user signs in on any device with a browser, typing a code shown on stderr. */
  DEVICE_CODE("device-code"),
  /** A user signs in in the system browser (the walkthrough's flow), redirected to localhost. */
  INTERACTIVE("interactive"),
  /** A user's name and password (deprecated by Microsoft; fails with MFA): test accounts only. */
  USERNAME_PASSWORD("username-password");

  private final String configName;

  Flow(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** Whether the token acts for the app itself (then only {@code .default} scopes work). */
  public boolean isAppOnly() {
    return !isUserFlow();
  }

  /** Whether a user signs in (a public client; the token acts for that user). */
  public boolean isUserFlow() {
    return this == DEVICE_CODE || this == INTERACTIVE || this == USERNAME_PASSWORD;
  }

  public static Flow fromConfigName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(flow -> flow.configName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "flow must be one of " + names() + ", was '" + name + "'"));
  }

  public static String names() {
    return Arrays.stream(values()).map(Flow::configName).collect(Collectors.joining(", "));
  }
}
