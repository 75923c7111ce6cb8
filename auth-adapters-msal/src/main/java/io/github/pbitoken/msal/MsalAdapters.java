package io.github.pbitoken.msal;

import io.github.pbitoken.core.port.out.TokenAcquirer;

/** The one public way in: builds the driven adapters and hands them out as port types. */
public final class MsalAdapters {
  private MsalAdapters() {}

  /** A {@link TokenAcquirer} for a confidential client (service principal). */
  public static TokenAcquirer tokenAcquirer(MsalSettings settings) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
