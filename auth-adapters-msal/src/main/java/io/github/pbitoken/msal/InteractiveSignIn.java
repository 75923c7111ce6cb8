package io.github.pbitoken.msal;

/** The system browser, with MSAL's loopback redirect on {@code http://localhost}. */
public record InteractiveSignIn() implements UserSignIn {
  @Override
  public boolean prompts() {
    return true;
  }
}
