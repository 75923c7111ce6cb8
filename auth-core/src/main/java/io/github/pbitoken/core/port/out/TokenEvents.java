package io.github.pbitoken.core.port.out;

import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import java.time.Instant;

/**
 * What the token service tells the edge about events that callers do not see. The core does not
 * log; the application reports these (app-console logs them at WARN).
 *
 * <p>Called on the thread that saw the event, never on a cache hit. Must be quick and must not
 * throw (an exception from it is ignored).
 */
public interface TokenEvents {
  /** Reports nothing. */
  TokenEvents NONE = (request, failure, servedUntil) -> {};

  /**
   * A refresh ahead of expiry failed, so callers keep getting the current token, until at most
   * {@code servedUntil}; the next attempt waits for the failure back-off. Called once per failed
   * attempt, however many callers are served the current token meanwhile.
   */
  void refreshFailed(TokenRequest request, TokenAcquisitionException failure, Instant servedUntil);
}
