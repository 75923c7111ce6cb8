package io.github.pbitoken.core.domain;

/**
 * A change that had to reach the persistent token cache did not (a sign-out: the file or its
 * directory is not writable), so the cache on disk still holds what the user wanted gone.
 */
public final class TokenCacheWriteException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  public TokenCacheWriteException(String message, FailureDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
