package io.github.pbitoken.tests.entra;

/** What the emulated user does with a device code, after a number of pending polls. */
public enum DeviceCodeOutcome {
  /** Signs in as the sandbox user alice. */
  APPROVED,
  /** Clicks "No, cancel" on the sign-in page: {@code authorization_declined}. */
  DECLINED,
  /** Never comes: the code runs out ({@code expired_token}). */
  EXPIRED
}
