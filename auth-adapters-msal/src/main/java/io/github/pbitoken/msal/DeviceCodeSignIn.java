package io.github.pbitoken.msal;

/** A code shown on stderr, entered by the user on any device with a browser. */
public record DeviceCodeSignIn() implements UserSignIn {
  @Override
  public boolean prompts() {
    return true;
  }
}
