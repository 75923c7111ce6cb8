package io.github.pbitoken.core.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenAcquirer} promises, whatever it talks to. Each adapter (and each fake)
 * extends this class and scripts the scenarios in its own terms.
 */
public abstract class TokenAcquirerContract {

  /** The adapter under test, set up for the scenario scripted before this call. */
  protected abstract TokenAcquirer acquirer();

  /** A request this adapter can serve. */
  protected abstract TokenRequest aRequest();

  /** The identity provider will issue tokens valid for {@code lifetime}. */
  protected abstract void givenIdentityProviderIssuesTokensValidFor(Duration lifetime);

  /** The identity provider will reject the adapter's credentials. */
  protected abstract void givenCredentialsAreRejected();

  /** The identity provider cannot be reached or answers 5xx. */
  protected abstract void givenIdentityProviderIsDown();

  /** Raw secrets the adapter was configured with, none of which may ever be printed. */
  protected abstract Set<String> configuredSecrets();

  /** The current time as the adapter sees it. */
  protected Instant now() {
    return Instant.now();
  }

  @Test
  void issuesAUsableTokenForTheRequestedScopes() throws TokenAcquisitionException {
    givenIdentityProviderIssuesTokensValidFor(Duration.ofHours(1));
    TokenRequest request = aRequest();

    AccessToken token = acquirer().acquire(request);

    assertAll(
        () -> assertTrue(token.isUsableAt(now(), Duration.ofMinutes(50)), "expires " + token),
        () -> assertTrue(token.scopes().containsAll(request.scopes()), "scopes " + token),
        () -> assertEquals(TokenSource.IDENTITY_PROVIDER, token.source()),
        () -> assertFalse(token.value().reveal().isBlank()));
  }

  @Test
  void aTokenPrintsNoSecret() throws TokenAcquisitionException {
    givenIdentityProviderIssuesTokensValidFor(Duration.ofHours(1));

    AccessToken token = acquirer().acquire(aRequest());

    assertLeaksNothing(String.valueOf(token), token.value().reveal());
  }

  @Test
  void rejectedCredentialsAreReportedAsSuch() {
    givenCredentialsAreRejected();

    CredentialsRejectedException failure =
        assertThrows(CredentialsRejectedException.class, () -> acquirer().acquire(aRequest()));

    assertFalse(failure.retryable());
    assertLeaksNothing(stackTraceOf(failure));
  }

  @Test
  void anUnavailableIdentityProviderIsRetryable() {
    givenIdentityProviderIsDown();

    IdentityProviderUnavailableException failure =
        assertThrows(
            IdentityProviderUnavailableException.class, () -> acquirer().acquire(aRequest()));

    assertTrue(failure.retryable());
    assertLeaksNothing(stackTraceOf(failure));
  }

  private void assertLeaksNothing(String printed, String... moreSecrets) {
    for (String secret : configuredSecrets()) {
      assertFalse(
          printed.contains(secret),
          "a configured secret was printed: " + redacted(printed, secret));
    }
    for (String secret : moreSecrets) {
      assertFalse(printed.contains(secret), "a token was printed");
    }
  }

  private static String redacted(String printed, String secret) {
    return printed.replace(secret, "<SECRET>");
  }

  private static String stackTraceOf(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
