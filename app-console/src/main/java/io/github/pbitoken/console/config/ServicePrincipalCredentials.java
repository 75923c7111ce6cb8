package io.github.pbitoken.console.config;

import static io.github.pbitoken.console.config.SettingKey.CLIENT_ASSERTION;
import static io.github.pbitoken.console.config.SettingKey.CLIENT_CERTIFICATE;
import static io.github.pbitoken.console.config.SettingKey.CLIENT_CERTIFICATE_PASSWORD;
import static io.github.pbitoken.console.config.SettingKey.CLIENT_SECRET;
import static io.github.pbitoken.console.config.SettingKey.FEDERATED_TOKEN_FILE;
import static io.github.pbitoken.console.config.SettingKey.SEND_CERTIFICATE_CHAIN;

import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.msal.ClientAssertionCredential;
import io.github.pbitoken.msal.ClientCertificateCredential;
import io.github.pbitoken.msal.ClientCredential;
import io.github.pbitoken.msal.ClientSecretCredential;
import io.github.pbitoken.msal.FederatedTokenFileCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads how a service principal proves who it is (secret, certificate or assertion) for the chosen
 * flow. Exactly one kind may be configured; files are read and checked here, so a wrong password, a
 * missing file, an expired certificate or a key that does not match is reported with the other
 * configuration problems, before any network call.
 */
final class ServicePrincipalCredentials {
  /** The keys each naming one way to prove identity; at most one may be set. */
  static final List<SettingKey> CREDENTIAL_KEYS =
      List.of(CLIENT_SECRET, CLIENT_CERTIFICATE, FEDERATED_TOKEN_FILE, CLIENT_ASSERTION);

  private ServicePrincipalCredentials() {}

  /** The credential for {@code flow}, or {@code null} when it is invalid (a problem was added). */
  static ClientCredential read(SettingsReader read, Flow flow, Instant now) {
    List<SettingKey> set = CREDENTIAL_KEYS.stream().filter(read::isSet).toList();
    if (set.size() > 1) {
      read.problem(
          set.get(1),
          "set only one way for the app to prove who it is, but "
              + set.stream().map(SettingKey::relativePath).collect(Collectors.joining(" and "))
              + " are all set; remove the ones you don't use");
      return null;
    }
    if (flow == Flow.CLIENT_CERTIFICATE) {
      return certificate(read, now);
    }
    if (flow == Flow.CLIENT_ASSERTION) {
      return assertion(read);
    }
    if (flow == Flow.MANAGED_IDENTITY) {
      return ManagedIdentitySettings.credential(read);
    }
    Secret secret =
        read.required(
            CLIENT_SECRET,
            (c, p) -> Secret.of(c.getString(p)),
            "the client secret's Value (not its Secret ID)");
    return secret == null ? null : new ClientSecretCredential(secret);
  }

  private static ClientCredential certificate(SettingsReader read, Instant now) {
    Secret password =
        read.optional(CLIENT_CERTIFICATE_PASSWORD, (c, p) -> Secret.of(c.getString(p)));
    Boolean sendChain = read.optional(SEND_CERTIFICATE_CHAIN, (c, p) -> c.getBoolean(p));
    return read.required(
        CLIENT_CERTIFICATE,
        (c, p) ->
            ClientCertificateCredential.fromFile(
                Path.of(c.getString(p).trim()), password, Boolean.TRUE.equals(sendChain), now),
        "the path of the app's certificate: a PEM file (certificate and PKCS#8 private key) or a"
            + " PKCS#12 (.pfx/.p12) file");
  }

  private static ClientCredential assertion(SettingsReader read) {
    if (read.isSet(CLIENT_ASSERTION)) {
      return read.optional(
          CLIENT_ASSERTION, (c, p) -> new ClientAssertionCredential(Secret.of(c.getString(p))));
    }
    return read.required(
        FEDERATED_TOKEN_FILE,
        (c, p) -> {
          Path file = Path.of(c.getString(p).trim());
          if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(
                "federated token file " + file + ": no readable file there");
          }
          return new FederatedTokenFileCredential(file);
        },
        "the file holding the federated token (as AZURE_FEDERATED_TOKEN_FILE), or set"
            + " client-assertion");
  }
}
