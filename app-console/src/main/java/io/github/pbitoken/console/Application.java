package io.github.pbitoken.console;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.github.pbitoken.console.cli.AccountsCommand;
import io.github.pbitoken.console.cli.ConsoleOutput;
import io.github.pbitoken.console.cli.DoctorCheck;
import io.github.pbitoken.console.cli.DoctorReport;
import io.github.pbitoken.console.cli.EffectiveSetting;
import io.github.pbitoken.console.cli.ExitCode;
import io.github.pbitoken.console.cli.InspectAction;
import io.github.pbitoken.console.cli.Invocation;
import io.github.pbitoken.console.cli.Launcher;
import io.github.pbitoken.console.cli.PbiTokenCommand;
import io.github.pbitoken.console.cli.TokenCommand;
import io.github.pbitoken.console.config.AppSettings;
import io.github.pbitoken.console.config.InvalidSettingsException;
import io.github.pbitoken.console.config.SettingKey;
import io.github.pbitoken.console.config.SettingOverride;
import io.github.pbitoken.console.config.SettingsLoader;
import io.github.pbitoken.console.wiring.AppModule;
import io.github.pbitoken.console.wiring.FlowModules;
import io.github.pbitoken.console.wiring.StrictBindingsModule;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.SignOutRequest;
import io.github.pbitoken.core.port.out.IdentityProviderProbe;
import io.github.pbitoken.msal.MsalAdapters;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: parses the command line, loads the settings once, creates the one injector
 * and runs the command. {@link Main} runs it with the real adapters; tests run it with their own
 * {@link FlowModules}.
 */
public final class Application {
  private static final int JWT_MAX_INPUT = 64 * 1024;

  private final FlowModules flowModules;
  private final InputStream stdin;
  private final Clock clock;

  public Application(FlowModules flowModules, InputStream stdin) {
    this(flowModules, stdin, new LocalClock());
  }

  /** With {@code clock} as the local clock that {@code doctor} compares with the server's. */
  public Application(FlowModules flowModules, InputStream stdin, Clock clock) {
    this.flowModules = flowModules;
    this.stdin = stdin;
    this.clock = clock;
  }

  /** An application whose standard input is empty. */
  public Application(FlowModules flowModules) {
    this(flowModules, InputStream.nullInputStream());
  }

  /** Runs pbi-token and returns the exit code; never calls {@code System.exit}. */
  public int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    ConsoleOutput console = new ConsoleOutput(out, err);
    boolean color = env.getOrDefault("NO_COLOR", "").isEmpty(); // https://no-color.org
    return PbiTokenCommand.execute(new WiredLauncher(env, console), console, color, args);
  }

  private final class WiredLauncher implements Launcher {
    private final Map<String, String> env;
    private final ConsoleOutput console;

    WiredLauncher(Map<String, String> env, ConsoleOutput console) {
      this.env = env;
      this.console = console;
    }

    @Override
    public ExitCode token(Invocation invocation) throws Exception {
      AppSettings settings =
          SettingsLoader.load(invocation.configFile(), env, overridesOf(invocation));
      settings.notices().forEach(console::message);
      return tokenCommand(settings, invocation).run(invocation.forceRefresh());
    }

    /**
     * The token command, answered straight from the persisted cache when that holds a fresh token
     * (no injector, MSAL, TLS or logging: docs/adr/0007-cached-token-fast-path.md), otherwise wired
     * with the flow's adapters. {@code --verbose} always takes the wired path, which logs each
     * step.
     */
    private TokenCommand tokenCommand(AppSettings settings, Invocation invocation)
        throws InvalidSettingsException {
      Optional<AccessToken> cached =
          invocation.forceRefresh() || invocation.verbose()
              ? Optional.empty()
              : flowModules.persistedToken(settings, clock.instant());
      if (cached.isPresent()) {
        return new TokenCommand(request -> cached.get(), settings.cli(), console, clock);
      }
      return injector(settings).getInstance(TokenCommand.class);
    }

    @Override
    public ExitCode inspect(Invocation invocation, String token, boolean json) throws Exception {
      InspectAction inspect = new InspectAction(console, clock);
      if (token != null) {
        Cloud cloud =
            invocation.cloud() == null ? Cloud.PUBLIC : Cloud.fromConfigName(invocation.cloud());
        return inspect.run("-".equals(token) ? readToken() : token, cloud, json);
      }
      AppSettings settings =
          SettingsLoader.load(invocation.configFile(), env, overridesOf(invocation));
      AccessToken fresh = tokenCommand(settings, invocation).acquire(invocation.forceRefresh());
      return inspect.run(fresh.value().reveal(), settings.msal().cloud(), json);
    }

    private Injector injector(AppSettings settings) throws InvalidSettingsException {
      SettingsLoader.checkTrustStore(settings.msal());
      return Guice.createInjector(
          Stage.PRODUCTION,
          new StrictBindingsModule(),
          new AppModule(settings, console, flowModules.tokenAcquirerModule(settings.flow())));
    }

    /** At most one token's worth of stdin, so garbage cannot exhaust memory. */
    private String readToken() throws IOException {
      byte[] bytes = stdin.readNBytes(JWT_MAX_INPUT + 1);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public ExitCode doctor(Invocation invocation) {
      AppSettings settings;
      try {
        settings = SettingsLoader.load(invocation.configFile(), env, overridesOf(invocation));
      } catch (InvalidSettingsException e) {
        List<DoctorCheck> checks = new ArrayList<>();
        for (String problem : e.problems()) {
          checks.add(
              DoctorCheck.fail(
                  "configuration",
                  problem,
                  "fix the setting; pbi-token config shows where each value comes from",
                  ExitCode.CONFIG));
        }
        return DoctorReport.print(checks, console);
      }
      // built when asked: Doctor asks only once the trust store it is built with has passed
      IdentityProviderProbe probe =
          () -> MsalAdapters.identityProviderProbe(settings.msal()).discoverTenant();
      return DoctorReport.print(new Doctor(clock).check(settings, probe), console);
    }

    @Override
    public ExitCode accounts(Invocation invocation) throws Exception {
      return injector(invocation).getInstance(AccountsCommand.class).list();
    }

    @Override
    public ExitCode logout(Invocation invocation, SignOutRequest request) throws Exception {
      return injector(invocation).getInstance(AccountsCommand.class).logout(request);
    }

    private Injector injector(Invocation invocation) throws InvalidSettingsException {
      return injector(SettingsLoader.load(invocation.configFile(), env, overridesOf(invocation)));
    }

    @Override
    public ExitCode showConfig(Invocation invocation) throws InvalidSettingsException {
      List<EffectiveSetting> rows =
          SettingsLoader.describe(invocation.configFile(), env, overridesOf(invocation));
      int width = rows.stream().mapToInt(row -> row.key().length()).max().orElse(0);
      for (EffectiveSetting row : rows) {
        console.result(
            String.format("%-" + width + "s = %s   # %s", row.key(), row.value(), row.origin()));
      }
      return ExitCode.OK;
    }
  }

  private static List<SettingOverride> overridesOf(Invocation invocation) {
    List<SettingOverride> overrides = new ArrayList<>();
    add(overrides, SettingKey.TENANT_ID, invocation.tenant(), "--tenant");
    add(overrides, SettingKey.CLIENT_ID, invocation.clientId(), "--client-id");
    add(overrides, SettingKey.CLOUD, invocation.cloud(), "--cloud");
    add(overrides, SettingKey.AUTHORITY_HOST, invocation.authorityHost(), "--authority-host");
    add(overrides, SettingKey.OUTPUT, invocation.output(), "--output");
    add(overrides, SettingKey.TRUST_STORE, invocation.trustStore(), "--trust-store");
    if (invocation.noPrompt()) {
      overrides.add(new SettingOverride(SettingKey.PROMPT, "false", "--no-prompt"));
    }
    if (!invocation.scopes().isEmpty()) {
      overrides.add(new SettingOverride(SettingKey.SCOPES, invocation.scopes(), "--scope"));
    }
    return overrides;
  }

  private static void add(
      List<SettingOverride> overrides, SettingKey key, String value, String option) {
    if (value != null) {
      overrides.add(new SettingOverride(key, value, option));
    }
  }
}
