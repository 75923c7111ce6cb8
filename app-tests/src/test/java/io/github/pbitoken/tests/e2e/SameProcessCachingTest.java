package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.github.pbitoken.console.cli.ConsoleOutput;
import io.github.pbitoken.console.config.AppSettings;
import io.github.pbitoken.console.config.SettingsLoader;
import io.github.pbitoken.console.wiring.AppModule;
import io.github.pbitoken.console.wiring.FlowModules;
import io.github.pbitoken.console.wiring.StrictBindingsModule;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.port.in.AcquireTokenUseCase;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service embedding pbi-token asks for a token on every call: after the first, no request reaches
 * Entra ID, neither through the core's memory cache nor through MSAL's own cache.
 */
class SameProcessCachingTest {
  @TempDir Path dir;
  private Injector injector;

  @BeforeEach
  void wireTheProductionGraphAgainstTheEmulator() throws Exception {
    emulator().reset();
    Path config = write(dir, clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET));
    AppSettings settings = SettingsLoader.load(config, Map.of(), List.of());
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new StrictBindingsModule(),
            new AppModule(
                settings,
                new ConsoleOutput(nowhere, nowhere),
                FlowModules.production().tokenAcquirerModule(settings.flow())));
  }

  @Test
  void aSecondCallCostsNoRequest() throws Exception {
    AcquireTokenUseCase tokens = injector.getInstance(AcquireTokenUseCase.class);

    AccessToken first = tokens.acquire(request());
    AccessToken second = tokens.acquire(request());

    assertEquals(1, emulator().requestCount());
    assertEquals(TokenSource.IDENTITY_PROVIDER, first.source());
    assertEquals(TokenSource.CACHE, second.source());
    assertEquals(first.value(), second.value());
  }

  @Test
  void msalsOwnCacheAnswersTooDespiteTheNonDefaultPort() throws Exception {
    TokenAcquirer adapter = injector.getInstance(TokenAcquirer.class);

    AccessToken first = adapter.acquire(request());
    AccessToken second = adapter.acquire(request());

    assertEquals(1, emulator().requestCount(), "MSAL served the second from its cache");
    assertEquals(TokenSource.CACHE, second.source());
    assertEquals(first.value(), second.value());
  }

  private io.github.pbitoken.core.domain.TokenRequest request() {
    return injector.getInstance(io.github.pbitoken.console.cli.CliSettings.class).request();
  }
}
