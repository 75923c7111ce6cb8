package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.in.AcquireTokenUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each token the commands get (at INFO, so with {@code --verbose}): scopes, tenant, source and
 * expiry, never the token. A decorator, so that a command given a token without the wired
 * application (the cached-token fast path) starts no logging at all.
 */
public final class AcquisitionLog implements AcquireTokenUseCase {
  private static final Logger log = LoggerFactory.getLogger(AcquisitionLog.class);

  private final AcquireTokenUseCase acquireToken;

  public AcquisitionLog(AcquireTokenUseCase acquireToken) {
    this.acquireToken = acquireToken;
  }

  @Override
  public AccessToken acquire(TokenRequest request) throws TokenAcquisitionException {
    AccessToken token = acquireToken.acquire(request);
    log.info(
        "token acquired: scopes={} tenant={} source={} expiresOn={}",
        token.scopes(),
        token.tenant(),
        token.source(),
        token.expiresOn());
    return token;
  }
}
