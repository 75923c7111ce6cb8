package io.github.pbitoken.msal;

/**
 * How a user signs in when MSAL's cache cannot answer silently. The set is closed: the public
 * client adapter maps each kind to an MSAL4J request.
 */
public sealed interface UserSignIn
    permits DeviceCodeSignIn, InteractiveSignIn, UsernamePasswordSignIn {

  /** Whether this sign-in needs a person at the terminal or a browser (forbidden by no-prompt). */
  boolean prompts();
}
