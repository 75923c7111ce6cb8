package io.github.pbitoken.console.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where MSAL's token cache (accounts, refresh tokens, access tokens) outlives the process.
 *
 * @param enabled whether to persist it at all; off: every run signs in afresh
 * @param file the cache file (default {@code ~/.pbi-token/msal-token-cache.json})
 */
public record TokenCacheSettings(boolean enabled, Path file) {
  public TokenCacheSettings {
    Objects.requireNonNull(file, "token cache file must not be null");
  }

  /** The file to persist to, or empty when persistence is off. */
  public Optional<Path> persistedFile() {
    return enabled ? Optional.of(file) : Optional.empty();
  }

  /** The default cache file under {@code home}. */
  static Path defaultFile(Path home) {
    return home.resolve(".pbi-token").resolve("msal-token-cache.json");
  }
}
