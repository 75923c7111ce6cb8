package io.github.pbitoken.tests.contract;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.caFile;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;

import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.testing.TokenAcquirerContract;
import io.github.pbitoken.msal.ClientSecretCredential;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.tests.entra.Fault;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** The MSAL adapter keeps the port's promises, over real HTTPS against the local emulator. */
class MsalTokenAcquirerContractTest extends TokenAcquirerContract {
  private static final String WRONG_SECRET = "contract-wrong-secret-5c2e";
  private String secret = SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET;

  @BeforeEach
  void resetEmulator() {
    emulator().reset();
  }

  @Override
  protected TokenAcquirer acquirer() {
    return MsalAdapters.tokenAcquirer(
        new MsalSettings(
            Cloud.PUBLIC,
            emulator().authorityHost(),
            tenant(),
            new ClientId(SandboxDirectory.CONFIDENTIAL_CLIENT_ID),
            new ClientSecretCredential(Secret.of(secret)),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            2,
            caFile()));
  }

  @Override
  protected TokenRequest aRequest() {
    return TokenRequest.of(tenant(), Set.of(Cloud.PUBLIC.defaultScope()));
  }

  @Override
  protected void givenIdentityProviderIssuesTokensValidFor(Duration lifetime) {
    emulator().setTokenLifetime(lifetime);
  }

  @Override
  protected void givenCredentialsAreRejected() {
    secret = WRONG_SECRET;
  }

  @Override
  protected void givenIdentityProviderIsDown() {
    emulator().queueTokenFaults(Fault.status(503), Fault.status(503));
  }

  @Override
  protected Set<String> configuredSecrets() {
    return java.util.stream.Stream.of(
            secret, SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, WRONG_SECRET)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static TenantId tenant() {
    return new TenantId(SandboxDirectory.TENANT_ID);
  }
}
