package io.github.pbitoken.console.wiring;

import com.google.inject.Module;
import io.github.pbitoken.console.config.AppSettings;
import io.github.pbitoken.console.config.Flow;
import io.github.pbitoken.core.domain.AccessToken;
import java.time.Instant;
import java.util.Optional;

/**
 * Which adapter module serves each sign-in flow: the one place where the flow chooses the wiring.
 * Tests pass their own chooser (a fake acquirer module) to {@code Application}.
 */
@FunctionalInterface
public interface FlowModules {
  Module tokenAcquirerModule(Flow flow);

  /**
   * The token the flow's adapters would hand out from their persisted cache, found without building
   * them: the fast path of a CLI run (docs/adr/0007-cached-token-fast-path.md). Empty whenever the
   * adapters must be asked; always empty unless the adapters offer such a lookup.
   */
  default Optional<AccessToken> persistedToken(AppSettings settings, Instant now) {
    return Optional.empty();
  }

  /** The real adapters. */
  static FlowModules production() {
    return new MsalFlowModules();
  }
}
