package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.nio.file.Path;
import java.util.Optional;

/** The one public way in: builds the driven adapters and hands them out as port types. */
public final class MsalAdapters {
  private MsalAdapters() {}

  /**
   * A {@link TokenAcquirer} for a confidential client (service principal). Build it once and keep
   * it: it holds MSAL's token cache. Building does no network I/O.
   *
   * @throws IllegalArgumentException if the trust bundle is missing, unreadable or holds no
   *     certificate (the message names the file)
   */
  public static TokenAcquirer tokenAcquirer(MsalSettings settings) {
    if (settings.credential() instanceof ManagedIdentityCredential) {
      return MsalManagedIdentityAcquirer.create(settings);
    }
    return MsalTokenAcquirer.create(settings);
  }

  /**
   * Reads a trust store (PEM bundle, or PKCS#12 opened with {@code password}, which may be null) as
   * the adapter will, so configuration can report a problem before anything else happens.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static void checkTrustStore(Path trustStore, Secret password) {
    TrustBundle.socketFactory(Optional.of(trustStore), password);
  }
}
