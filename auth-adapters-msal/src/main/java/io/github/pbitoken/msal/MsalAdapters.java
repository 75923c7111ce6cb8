package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.port.out.CacheStore;
import io.github.pbitoken.core.port.out.IdentityProviderProbe;
import io.github.pbitoken.core.port.out.SignInPrompt;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.nio.file.Path;
import java.time.Clock;

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
   * A confidential client (service principal) whose MSAL cache lives in {@code cache}, so a later
   * process reuses its tokens; {@code null} keeps the cache in memory. A managed identity has no
   * cache file (MSAL keeps its tokens in memory for the process) and no accounts.
   */
  public static MsalApplication confidentialClient(MsalSettings settings, CacheStore cache) {
    if (settings.credential() instanceof ManagedIdentityCredential) {
      return new MsalApplication(
          MsalManagedIdentityAcquirer.create(settings), new NoAccountStore());
    }
    PersistentTokenCache persistence = persistence(cache);
    MsalTokenAcquirer acquirer = MsalTokenAcquirer.create(settings, persistence);
    return new MsalApplication(
        acquirer,
        new MsalAccountStore(acquirer.application(), settings.acquireTimeout(), persistence));
  }

  /**
   * A public client that signs users in ({@code signIn}), its MSAL cache in {@code cache} ({@code
   * null}: memory only), talking to the person through {@code prompt}. {@code settings}' credential
   * is ignored: a public client has none.
   */
  public static MsalApplication publicClient(
      MsalSettings settings, UserSignInSettings signIn, CacheStore cache, SignInPrompt prompt) {
    PersistentTokenCache persistence = persistence(cache);
    MsalUserTokenAcquirer acquirer =
        MsalUserTokenAcquirer.create(settings, signIn, persistence, prompt);
    return new MsalApplication(
        acquirer,
        new MsalAccountStore(acquirer.application(), settings.acquireTimeout(), persistence));
  }

  private static PersistentTokenCache persistence(CacheStore cache) {
    return cache == null ? null : new PersistentTokenCache(cache);
  }

  /**
   * The persistent token cache in {@code file}: atomic writes, owner-only permissions, a
   * cross-process lock; a corrupt file is moved aside with a warning. Creates nothing until used.
   */
  public static CacheStore fileCacheStore(Path file) {
    return new FileCacheStore(file, Clock.systemUTC());
  }

  /**
   * Asks the authority host about the tenant (for {@code pbi-token doctor}) through the same trust
   * store, proxy and timeouts as sign-in. Building does no network I/O.
   */
  public static IdentityProviderProbe identityProviderProbe(MsalSettings settings) {
    return HttpsIdentityProviderProbe.create(settings);
  }

  /**
   * Reads a trust store (PEM bundle, or PKCS#12 opened with {@code password}, which may be null) as
   * the adapter will, so configuration can report a problem before anything else happens.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static void checkTrustStore(Path trustStore, Secret password) {
    TrustBundle.certificates(trustStore, password);
  }
}
