package io.github.pbitoken.core.port.out;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;

/**
 * Gets a token from an identity provider: the walkthrough's {@code AcquireToken} call, for any
 * flow. Adapters own the protocol, their own caches and retries; the core owns nothing but this.
 *
 * <p>Contract (checked by {@code TokenAcquirerContract} for every adapter): a returned token is
 * never expired and covers the requested scopes; every failure is a {@link
 * TokenAcquisitionException}; nothing it returns or throws prints a secret.
 */
public interface TokenAcquirer {
  AccessToken acquire(TokenRequest request) throws TokenAcquisitionException;
}
