package io.github.pbitoken.console.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.github.pbitoken.console.cli.ConsoleOutput;
import io.github.pbitoken.console.config.AppSettings;

/**
 * The table of contents of the application: settings, core, the flow's token acquirer, the CLI.
 * Tests build the same graph with a different acquirer module; nothing here branches.
 */
public final class AppModule extends AbstractModule {
  private final AppSettings settings;
  private final ConsoleOutput console;
  private final Module tokenAcquirerModule;

  public AppModule(AppSettings settings, ConsoleOutput console, Module tokenAcquirerModule) {
    this.settings = settings;
    this.console = console;
    this.tokenAcquirerModule = tokenAcquirerModule;
  }

  @Override
  protected void configure() {
    install(new SettingsModule(settings));
    install(new CoreModule());
    install(tokenAcquirerModule);
    install(new CliModule(console));
  }
}
