package io.github.pbitoken.core.domain;

/**
 * The identity provider does not accept who the caller says it is: wrong secret, unknown app or
 * tenant, wrong password.
 */
public final class CredentialsRejectedException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  public CredentialsRejectedException(String message, FailureDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public CredentialsRejectedException(String message, FailureDetails details) {
    this(message, details, null);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
