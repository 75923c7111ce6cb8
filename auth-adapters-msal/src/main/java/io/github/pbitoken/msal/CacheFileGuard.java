package io.github.pbitoken.msal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an existing token cache file before it is read: one owned by another user is refused (it
 * could have been planted to hand us someone else's tokens, or we would leak ours into it), and one
 * that other users may read is made owner-only with a warning. No-op where POSIX attributes are not
 * available.
 */
final class CacheFileGuard {
  private static final Logger log = LoggerFactory.getLogger(CacheFileGuard.class);

  private CacheFileGuard() {}

  static void check(Path file) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    PosixFileAttributes attributes = view.readAttributes();
    if (!attributes.isRegularFile()) {
      throw new IOException(
          file + " is not a regular file: refusing to use it; set token-cache.file to a file");
    }
    UserPrincipal me =
        file.getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name"));
    if (!attributes.owner().equals(me)) {
      throw new IOException(
          file
              + " is owned by "
              + attributes.owner().getName()
              + ", not by "
              + me.getName()
              + ": refusing to use it; delete it or set token-cache.file to a file of your own");
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (!OwnerOnlyFile.PERMISSIONS.containsAll(permissions)) {
      view.setPermissions(OwnerOnlyFile.PERMISSIONS);
      log.warn(
          "the token cache {} was readable or writable by other users ({}); made it owner-only"
              + " (rw-------)",
          file,
          PosixFilePermissions.toString(permissions));
    }
  }
}
