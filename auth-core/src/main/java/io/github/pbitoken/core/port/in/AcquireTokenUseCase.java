package io.github.pbitoken.core.port.in;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;

/** Give me a usable token for this request, from wherever is cheapest. */
public interface AcquireTokenUseCase {
  AccessToken acquire(TokenRequest request) throws TokenAcquisitionException;
}
