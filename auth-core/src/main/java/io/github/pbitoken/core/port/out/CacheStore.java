package io.github.pbitoken.core.port.out;

import io.github.pbitoken.core.domain.CacheSnapshot;
import io.github.pbitoken.core.domain.Secret;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the identity adapter's token cache (accounts, refresh tokens) outlives the process. The
 * contents are opaque here; only the adapter that wrote them reads them.
 *
 * <p>Optimistic concurrency: {@link #save} writes only if the store still holds the version the
 * caller read, so two processes never silently overwrite each other's sign-ins; on {@code false}
 * the caller loads again, merges and retries.
 */
public interface CacheStore {
  /** The stored cache, or {@link CacheSnapshot#empty()}; an unreadable store counts as empty. */
  CacheSnapshot load() throws IOException;

  /**
   * Replaces the contents if the store still holds {@code basedOn}'s version.
   *
   * @return the new snapshot, or {@code null} if someone else saved in between (nothing written)
   */
  CacheSnapshot save(CacheSnapshot basedOn, Secret contents) throws IOException;

  /**
   * Writes {@code mergeWithStored(stored contents)} as one step, so that concurrent writers never
   * drop each other's entries. This default retries {@link #save} a few times and may give up; a
   * store that can lock should do it under its lock.
   *
   * @return the new snapshot, or {@code null} if it gave up (nothing written)
   */
  default CacheSnapshot saveMerged(Function<Optional<Secret>, Secret> mergeWithStored)
      throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      CacheSnapshot stored = load();
      CacheSnapshot saved = save(stored, mergeWithStored.apply(stored.serialized()));
      if (saved != null) {
        return saved;
      }
    }
    return null;
  }
}
