package io.github.pbitoken.tests.bench;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenEvents;
import io.github.pbitoken.core.service.TokenPolicy;
import io.github.pbitoken.core.service.TokenService;
import io.github.pbitoken.msal.ClientSecretCredential;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.tests.entra.EntraEmulator;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The two contenders, both talking real HTTPS to one local Entra ID emulator: pbi-token's {@link
 * TokenService} over the real MSAL adapter, and MSAL4J's {@link ConfidentialClientApplication} as a
 * service would use it alone. One per JVM (MSAL4J keeps per-host state in statics).
 */
final class BenchEntra implements AutoCloseable {
  static final TokenRequest REQUEST =
      TokenRequest.of(
          new TenantId(SandboxDirectory.TENANT_ID), Set.of(Cloud.PUBLIC.defaultScope()));
  static final ClientCredentialParameters MSAL_PARAMETERS =
      ClientCredentialParameters.builder(Set.of(SandboxDirectory.POWER_BI_DEFAULT_SCOPE)).build();

  private final EntraEmulator emulator;
  private final Path caFile;

  private BenchEntra(EntraEmulator emulator, Path caFile) {
    this.emulator = emulator;
    this.caFile = caFile;
  }

  static BenchEntra start() {
    EntraEmulator emulator = EntraEmulator.start();
    try {
      Path dir = Files.createTempDirectory("pbi-token-bench");
      return new BenchEntra(emulator, emulator.writeCaCertificatePem(dir.resolve("ca.pem")));
    } catch (IOException e) {
      emulator.close();
      throw new UncheckedIOException(e);
    }
  }

  EntraEmulator emulator() {
    return emulator;
  }

  Path caFile() {
    return caFile;
  }

  /** pbi-token as an embedding service builds it: the README's example. */
  TokenService tokenService() {
    return new TokenService(
        MsalAdapters.tokenAcquirer(msalSettings()),
        Clock.systemUTC(),
        TokenPolicy.DEFAULT,
        TokenEvents.NONE);
  }

  MsalSettings msalSettings() {
    return new MsalSettings(
        Cloud.PUBLIC,
        emulator.authorityHost(),
        new TenantId(SandboxDirectory.TENANT_ID),
        new ClientId(SandboxDirectory.CONFIDENTIAL_CLIENT_ID),
        new ClientSecretCredential(Secret.of(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET)),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        3,
        caFile);
  }

  /** MSAL4J alone, with its default executor (the common ForkJoin pool) when {@code null}. */
  ConfidentialClientApplication msal(ExecutorService executorOrNull) {
    try {
      ConfidentialClientApplication.Builder builder =
          ConfidentialClientApplication.builder(
                  SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
                  ClientCredentialFactory.createFromSecret(
                      SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET))
              .authority(emulator.authority(SandboxDirectory.TENANT_ID))
              .aadInstanceDiscoveryResponse(
                  emulator.instanceDiscoveryResponse(SandboxDirectory.TENANT_ID))
              .sslSocketFactory(emulator.clientSocketFactory())
              .connectTimeoutForDefaultHttpClient(30_000)
              .readTimeoutForDefaultHttpClient(60_000);
      if (executorOrNull != null) {
        builder.executorService(executorOrNull);
      }
      return builder.build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
