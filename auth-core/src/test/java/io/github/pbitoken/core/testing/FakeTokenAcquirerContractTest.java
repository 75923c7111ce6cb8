package io.github.pbitoken.core.testing;

import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The fake keeps the same promises as the real adapters, so tests built on it mean something. */
class FakeTokenAcquirerContractTest extends TokenAcquirerContract {
  private final MutableClock clock = MutableClock.atFixedStart();
  private final FakeTokenAcquirer fake = new FakeTokenAcquirer(clock);

  @Override
  protected TokenAcquirer acquirer() {
    return fake;
  }

  @Override
  protected TokenRequest aRequest() {
    return TestTokens.aRequest();
  }

  @Override
  protected Instant now() {
    return clock.instant();
  }

  @Override
  protected void givenIdentityProviderIssuesTokensValidFor(Duration lifetime) {
    fake.issuingTokensValidFor(lifetime);
  }

  @Override
  protected void givenCredentialsAreRejected() {
    fake.thenFail(
        new CredentialsRejectedException(
            "the identity provider rejected the client secret", FailureDetails.NONE));
  }

  @Override
  protected void givenIdentityProviderIsDown() {
    fake.thenFail(
        new IdentityProviderUnavailableException(
            "the identity provider did not answer", FailureDetails.NONE, null));
  }

  @Override
  protected Set<String> configuredSecrets() {
    return Set.of();
  }
}
