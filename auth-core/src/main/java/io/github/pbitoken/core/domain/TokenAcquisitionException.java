package io.github.pbitoken.core.domain;

import java.util.Objects;

/**
 * Why a token could not be had. Every port that talks to an identity provider declares it, and
 * every caller handles each kind: the set is closed.
 *
 * <p>Messages are one line, name what went wrong, and never contain a secret or a token.
 */
public abstract sealed class TokenAcquisitionException extends Exception
    permits CredentialsRejectedException,
        PermissionMissingException,
        InteractionRequiredException,
        IdentityProviderUnavailableException,
        UnexpectedIdentityProviderResponseException,
        AcquisitionCancelledException,
        TokenCacheWriteException {

  private static final long serialVersionUID = 1L;

  private final transient FailureDetails details;

  protected TokenAcquisitionException(String message, FailureDetails details, Throwable cause) {
    super(Objects.requireNonNull(message, "message must not be null"), cause);
    this.details = Objects.requireNonNull(details, "details must not be null");
  }

  /** Whether trying the same request again later may succeed. */
  public abstract boolean retryable();

  /** The identity provider's error codes, correlation id and a fix hint, where known. */
  public FailureDetails details() {
    return details;
  }
}
