package io.github.pbitoken.console.wiring;

import com.google.inject.Module;
import io.github.pbitoken.console.config.Flow;

/**
 * Which adapter module serves each sign-in flow: the one place where the flow chooses the wiring.
 * Tests pass their own chooser (a fake acquirer module) to {@code Application}.
 */
@FunctionalInterface
public interface FlowModules {
  Module tokenAcquirerModule(Flow flow);

  /** The real adapters. */
  static FlowModules production() {
    return flow -> flow.isUserFlow() ? new MsalUserModule() : new MsalModule();
  }
}
