package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.util.Objects;

/** A client assertion given as a value (a signed JWT), sent as it is with every token request. */
public record ClientAssertionCredential(Secret assertion) implements ClientCredential {
  public ClientAssertionCredential {
    Objects.requireNonNull(assertion, "client assertion must not be null");
  }
}
