package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The ends of a sign-in that are the user's doing, each with its own one-line message: a declined
 * or expired device code. Everything else goes to {@link MsalErrorTranslator}.
 */
final class UserFlowErrors {
  private UserFlowErrors() {}

  static Optional<TokenAcquisitionException> translate(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String code =
        cause instanceof MsalServiceException service
            ? service.errorCode()
            : cause instanceof MsalClientException client ? client.errorCode() : null;
    if ("authorization_declined".equals(code)) {
      return Optional.of(
          new AcquisitionCancelledException(
              "the sign-in was declined on the sign-in page",
              FailureDetails.hint("run pbi-token again and approve the sign-in"),
              cause));
    }
    if ("expired_token".equals(code) || "code_expired".equals(code)) {
      return Optional.of(
          new AcquisitionCancelledException(
              "the device code expired before anyone signed in with it",
              FailureDetails.hint("run pbi-token again and enter the new code before it expires"),
              cause));
    }
    return Optional.empty();
  }
}
