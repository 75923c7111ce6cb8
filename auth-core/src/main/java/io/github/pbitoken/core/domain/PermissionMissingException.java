package io.github.pbitoken.core.domain;

/**
 * The caller is known but may not have this token: consent missing, invalid scope, blocked by
 * policy.
 */
public final class PermissionMissingException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  public PermissionMissingException(String message, FailureDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public PermissionMissingException(String message, FailureDetails details) {
    this(message, details, null);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
