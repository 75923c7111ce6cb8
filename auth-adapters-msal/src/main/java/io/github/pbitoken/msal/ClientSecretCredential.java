package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.util.Objects;

/**
 * A client secret: the "Value" column of Certificates &amp; secrets in the app registration (not
 * the "Secret ID").
 */
public record ClientSecretCredential(Secret secret) implements ClientCredential {
  public ClientSecretCredential {
    Objects.requireNonNull(secret, "client secret must not be null");
  }
}
