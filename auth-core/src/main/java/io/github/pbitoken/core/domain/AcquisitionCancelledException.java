package io.github.pbitoken.core.domain;

/**
 * The user or the caller gave up: Ctrl-C, a declined or expired sign-in, a timed-out wait for the
 * browser.
 */
public final class AcquisitionCancelledException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  public AcquisitionCancelledException(String message, FailureDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public AcquisitionCancelledException(String message, FailureDetails details) {
    this(message, details, null);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
