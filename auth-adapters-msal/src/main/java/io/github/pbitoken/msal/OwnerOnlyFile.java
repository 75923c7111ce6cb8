package io.github.pbitoken.msal;

import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a token cache file must be: a plain file of this user that no one else may read or write.
 * Kept apart from {@link CacheFileGuard}, which logs, so that the cached-token fast path can ask
 * without starting the logging system (docs/adr/0007).
 */
final class OwnerOnlyFile {
  /** {@code rw-------}. */
  static final Set<PosixFilePermission> PERMISSIONS =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private OwnerOnlyFile() {}

  /** Whether the file is already what {@link CacheFileGuard} accepts without refusing or fixing. */
  static boolean is(PosixFileAttributes attributes) {
    return attributes.isRegularFile()
        && attributes.owner().getName().equals(System.getProperty("user.name"))
        && PERMISSIONS.containsAll(attributes.permissions());
  }
}
