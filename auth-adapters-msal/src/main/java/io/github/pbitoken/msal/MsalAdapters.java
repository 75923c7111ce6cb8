package io.github.pbitoken.msal;

import io.github.pbitoken.core.port.out.TokenAcquirer;

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
    return MsalTokenAcquirer.create(settings);
  }
}
