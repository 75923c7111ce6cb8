package io.github.pbitoken.core.domain;

/**
 * A user must sign in (again) interactively: no account, refresh token expired or revoked, MFA
 * required.
 */
public final class InteractionRequiredException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  public InteractionRequiredException(String message, FailureDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public InteractionRequiredException(String message, FailureDetails details) {
    this(message, details, null);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
