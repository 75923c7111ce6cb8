package io.github.pbitoken.tests.entra;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A federated identity credential on an app: tokens from {@code issuer} about {@code subject} (e.g.
 * a Kubernetes service account or a GitHub Actions job), for the audience {@link
 * #EXCHANGE_AUDIENCE}, signed by the issuer's key (here: the key of {@code signingCertificate}).
 */
public record FederatedCredential(
    String issuer, String subject, X509Certificate signingCertificate) {
  /** The audience Entra ID expects in federated tokens. */
  public static final String EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

  public FederatedCredential {
    Objects.requireNonNull(issuer, "issuer must not be null");
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(signingCertificate, "signingCertificate must not be null");
  }
}
