package io.github.pbitoken.tests.entra;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Identifier checks and the random values Entra ID puts in its answers. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** Returns the GUID in Entra's canonical lower-case form, or throws naming {@code what}. */
  static String requireGuid(String value, String what) {
    Objects.requireNonNull(value, what + " must not be null");
    String lower = value.toLowerCase(Locale.ROOT);
    try {
      if (UUID.fromString(lower).toString().equals(lower)) {
        return lower;
      }
    } catch (IllegalArgumentException notAGuid) {
      // reported below with the expected shape
    }
    throw new IllegalArgumentException(
        what + " must be a GUID like 00000000-0000-0000-0000-000000000001, was '" + value + "'");
  }

  /** A stable GUID derived from the given parts, for ids nobody needs to choose. */
  static String derivedGuid(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static String randomGuid() {
    return UUID.randomUUID().toString();
  }

  /** Random bytes as unpadded base64url, the shape of Entra's {@code uti}, {@code aio}, etc. */
  static String randomBase64Url(int byteCount) {
    byte[] bytes = new byte[byteCount];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
