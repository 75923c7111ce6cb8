package io.github.pbitoken.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The persisted token cache as last read: its opaque contents (refresh tokens: a {@link Secret})
 * and the version a later save must still find for the save to go through.
 *
 * @param contents the serialized cache, or {@code null} when nothing is stored yet
 * @param version what the store saw, e.g. a content hash; {@link #ABSENT} when nothing is stored
 */
public record CacheSnapshot(Secret contents, String version) {
  /** The version of a store that holds nothing. */
  public static final String ABSENT = "absent";

  public CacheSnapshot {
    Objects.requireNonNull(version, "cache version must not be null");
    if (version.isBlank()) {
      throw new IllegalArgumentException("cache version must not be blank");
    }
    if (contents == null != ABSENT.equals(version)) {
      throw new IllegalArgumentException(
          "cache version must be '" + ABSENT + "' exactly when there are no contents");
    }
  }

  /** Nothing stored yet. */
  public static CacheSnapshot empty() {
    return new CacheSnapshot(null, ABSENT);
  }

  public Optional<Secret> serialized() {
    return Optional.ofNullable(contents);
  }
}
