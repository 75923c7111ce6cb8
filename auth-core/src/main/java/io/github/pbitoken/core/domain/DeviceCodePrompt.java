package io.github.pbitoken.core.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What a person needs to finish a device-code sign-in on another device. The user code is shown to
 * the user by design; the device code itself never leaves the adapter.
 *
 * @param userCode the code to type, e.g. {@code ABCD-EFGH}
 * @param verificationUri where to type it, e.g. {@code https://microsoft.com/devicelogin}
 * @param expiresOn when the code stops working
 * @param message the identity provider's own sentence, or {@code null}
 */
public record DeviceCodePrompt(
    String userCode, URI verificationUri, Instant expiresOn, String message) {
  public DeviceCodePrompt {
    Objects.requireNonNull(userCode, "user code must not be null");
    Objects.requireNonNull(verificationUri, "verification URI must not be null");
    Objects.requireNonNull(expiresOn, "device code expiry must not be null");
    if (userCode.isBlank()) {
      throw new IllegalArgumentException("user code must not be blank");
    }
    if (!verificationUri.isAbsolute()) {
      throw new IllegalArgumentException(
          "verification URI must be absolute, was '" + verificationUri + "'");
    }
  }
}
