package io.github.pbitoken.msal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A client assertion read from a file on every token request, as workload identity federation
 * provides it ({@code AZURE_FEDERATED_TOKEN_FILE} in Kubernetes, a token written by a CI job): the
 * platform rotates the file, and each new request must send what is there now.
 */
public record FederatedTokenFileCredential(Path tokenFile) implements ClientCredential {
  public FederatedTokenFileCredential {
    Objects.requireNonNull(tokenFile, "federated token file must not be null");
  }
}
