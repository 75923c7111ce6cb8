package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenEvents;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge where a failed refresh, which callers do not see (they keep the current token), is
 * logged: once per failed attempt, at WARN (degraded behaviour).
 */
public final class RefreshFailureLog implements TokenEvents {
  private static final Logger log = LoggerFactory.getLogger(RefreshFailureLog.class);

  @Override
  public void refreshFailed(
      TokenRequest request, TokenAcquisitionException failure, Instant servedUntil) {
    log.warn(
        "token refresh failed, still using the current token until {}: scopes={} tenant={}"
            + " correlationId={}: {}",
        servedUntil,
        request.scopes(),
        request.tenant(),
        failure.details().correlation().orElse("none"),
        failure.getMessage());
  }
}
