package io.github.pbitoken.core.domain;

/**
 * The identity provider answered, but not with anything usable: a malformed body, a token missing
 * or already expired.
 */
public final class UnexpectedIdentityProviderResponseException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  public UnexpectedIdentityProviderResponseException(
      String message, FailureDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public UnexpectedIdentityProviderResponseException(String message, FailureDetails details) {
    this(message, details, null);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
