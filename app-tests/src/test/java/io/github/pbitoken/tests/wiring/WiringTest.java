package io.github.pbitoken.tests.wiring;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.github.pbitoken.console.cli.ConsoleOutput;
import io.github.pbitoken.console.cli.TokenCommand;
import io.github.pbitoken.console.config.AppSettings;
import io.github.pbitoken.console.config.Flow;
import io.github.pbitoken.console.config.SettingsLoader;
import io.github.pbitoken.console.wiring.AppModule;
import io.github.pbitoken.console.wiring.FlowModules;
import io.github.pbitoken.console.wiring.StrictBindingsModule;
import io.github.pbitoken.core.port.in.AcquireTokenUseCase;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.service.TokenService;
import io.github.pbitoken.tests.entra.ClientCertificate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The production module graph, for every flow, builds under the strict binder in {@code
 * Stage.PRODUCTION} (all singletons eager) from a test configuration, with no network.
 */
class WiringTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Flow.class)
  void theProductionGraphBuildsForEveryFlow(Flow flow) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PBI_TOKEN_FLOW", flow.configName());
    env.put("PBI_TOKEN_TENANT_ID", "00000000-0000-0000-0000-0000000000a1");
    env.put("PBI_TOKEN_CLIENT_ID", "00000000-0000-0000-0000-0000000000c1");
    env.putAll(credentialFor(flow));
    AppSettings settings = SettingsLoader.load(null, env, List.of());
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());

    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new StrictBindingsModule(),
            new AppModule(
                settings,
                new ConsoleOutput(nowhere, nowhere),
                FlowModules.production().tokenAcquirerModule(settings.flow())));

    assertInstanceOf(TokenService.class, injector.getInstance(AcquireTokenUseCase.class));
    assertSame(
        injector.getInstance(TokenAcquirer.class), injector.getInstance(TokenAcquirer.class));
    injector.getInstance(TokenCommand.class);
  }

  /** The credential each flow needs, as environment variables. */
  private Map<String, String> credentialFor(Flow flow) throws Exception {
    if (flow == Flow.CLIENT_CERTIFICATE) {
      Instant now = Instant.now();
      Path pem =
          ClientCertificate.generate("wiring", now, now.plus(Duration.ofDays(1)))
              .writePem(dir.resolve("app.pem"));
      return Map.of("AZURE_CLIENT_CERTIFICATE_PATH", pem.toString());
    }
    if (flow == Flow.CLIENT_ASSERTION) {
      Path token = Files.writeString(dir.resolve("token"), "not.a.token");
      return Map.of("AZURE_FEDERATED_TOKEN_FILE", token.toString());
    }
    if (flow == Flow.USERNAME_PASSWORD) {
      return Map.of(
          "PBI_TOKEN_USERNAME", "someone@example.com", "PBI_TOKEN_PASSWORD", "not-a-real-password");
    }
    return flow.isUserFlow() ? Map.of() : Map.of("PBI_TOKEN_CLIENT_SECRET", "not-a-real-secret");
  }
}
