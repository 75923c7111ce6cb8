package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;

/**
 * Installed first: every binding must be explicit, so a missing one fails at start-up (in {@code
 * Stage.PRODUCTION}) rather than mid-run, and no circular proxy hides a design mistake.
 */
public final class StrictBindingsModule extends AbstractModule {
  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    binder().disableCircularProxies();
    binder().requireAtInjectOnConstructors();
    binder().requireExactBindingAnnotations();
  }
}
