package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import io.github.pbitoken.core.domain.CacheSnapshot;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.port.out.CacheStore;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects MSAL's in-memory token cache to a {@link CacheStore}: before each cache access the
 * stored cache is loaded (and handed to MSAL only if it changed since), after a change it is saved.
 * When another process saved in between, the two caches are merged ({@link CacheMerge}) and the
 * save retried. A store that cannot be read or written degrades to an in-memory cache with one
 * warning; it never fails a token request.
 */
final class PersistentTokenCache implements ITokenCacheAccessAspect {
  private static final Logger log = LoggerFactory.getLogger(PersistentTokenCache.class);

  private final CacheStore store;
  private CacheSnapshot basis = CacheSnapshot.empty();
  private String versionInMemory = CacheSnapshot.ABSENT;
  private boolean warned;
  private Exception lastWriteFailure;
  private boolean callerReportsWriteFailures;

  PersistentTokenCache(CacheStore store) {
    this.store = Objects.requireNonNull(store, "cache store must not be null");
  }

  @Override
  public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
    try {
      CacheSnapshot stored = store.load();
      basis = stored;
      if (versionInMemory == null || !stored.version().equals(versionInMemory)) {
        context.tokenCache().deserialize(stored.serialized().map(Secret::reveal).orElse("{}"));
        versionInMemory = stored.version();
      }
    } catch (IOException | RuntimeException failure) {
      warnOnce("read", failure);
    }
  }

  @Override
  public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
    if (!context.hasCacheChanged()) {
      return;
    }
    lastWriteFailure = null;
    try {
      String ours = context.tokenCache().serialize();
      CacheSnapshot saved = store.save(basis, Secret.of(ours));
      if (saved != null) {
        basis = saved;
        versionInMemory = saved.version();
        return;
      }
      // another process saved in between: merge with what it wrote, atomically under the lock
      saved =
          store.saveMerged(
              theirs -> Secret.of(CacheMerge.merge(theirs.map(Secret::reveal).orElse(null), ours)));
      if (saved != null) {
        basis = saved;
        // memory lacks the other process's entries: reload on next access
        versionInMemory = null;
        return;
      }
      writeFailed(new IOException("other processes kept writing it"));
    } catch (IOException | RuntimeException failure) {
      writeFailed(failure);
    }
  }

  /** Why the last change could not be saved, if it could not: what a sign-out must not ignore. */
  synchronized Optional<Exception> lastWriteFailure() {
    return Optional.ofNullable(lastWriteFailure);
  }

  /** From now on a failed write is only recorded: the caller reports it (a sign-out fails). */
  synchronized void letCallerReportWriteFailures() {
    callerReportsWriteFailures = true;
  }

  private void writeFailed(Exception failure) {
    lastWriteFailure = failure;
    if (!callerReportsWriteFailures) {
      warnOnce("write", failure);
    }
  }

  private void warnOnce(String what, Exception failure) {
    if (!warned) {
      warned = true;
      log.warn(
          "could not {} the token cache ({}: {}); sign-ins are kept in memory only for this run",
          what,
          failure.getClass().getSimpleName(),
          failure.getMessage());
    }
  }
}
