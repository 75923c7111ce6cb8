package io.github.pbitoken.msal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.IHttpClient;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.core.testing.TestTokens;
import io.github.pbitoken.core.testing.TokenAcquirerContract;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The MSAL adapter keeps the promises of every {@link TokenAcquirer}, over MSAL's HTTP seam. */
class MsalTokenAcquirerContractTest extends TokenAcquirerContract {
  private final String secret = Entra.canarySecret();
  private final IHttpClient http = mock(IHttpClient.class);
  private final TokenAcquirer acquirer =
      MsalTokenAcquirer.create(
          Entra.settings(secret), http, new RecordingSleeper(), Clock.systemUTC());

  @Override
  protected TokenAcquirer acquirer() {
    return acquirer;
  }

  @Override
  protected TokenRequest aRequest() {
    return TestTokens.aRequest();
  }

  @Override
  protected void givenIdentityProviderIssuesTokensValidFor(Duration lifetime) {
    try {
      when(http.send(any()))
          .thenAnswer(call -> Entra.token(Entra.fakeToken(), lifetime.toSeconds()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected void givenCredentialsAreRejected() {
    try {
      when(http.send(any())).thenAnswer(call -> Entra.error(401, "invalid_client", 7000215));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected void givenIdentityProviderIsDown() {
    try {
      when(http.send(any())).thenThrow(new ConnectException("Connection refused"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected Set<String> configuredSecrets() {
    return Set.of(secret);
  }
}
