package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TokenAcquisitionExceptionTest {

  @Test
  void theHierarchyIsClosedAndComplete() {
    Set<String> permitted =
        Stream.of(TokenAcquisitionException.class.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet());

    assertEquals(
        Set.of(
            "CredentialsRejectedException",
            "PermissionMissingException",
            "InteractionRequiredException",
            "IdentityProviderUnavailableException",
            "UnexpectedIdentityProviderResponseException",
            "AcquisitionCancelledException",
            "TokenCacheWriteException"),
        permitted);
  }

  @Test
  void onlyAnUnavailableProviderIsRetryable() {
    FailureDetails none = FailureDetails.NONE;
    assertTrue(new IdentityProviderUnavailableException("down", none, null).retryable());
    for (TokenAcquisitionException e :
        List.of(
            new CredentialsRejectedException("x", none),
            new PermissionMissingException("x", none),
            new InteractionRequiredException("x", none),
            new UnexpectedIdentityProviderResponseException("x", none),
            new AcquisitionCancelledException("x", none))) {
      assertTrue(!e.retryable(), e.getClass().getSimpleName());
    }
  }

  @Test
  void carriesTheProvidersDetails() {
    FailureDetails details =
        new FailureDetails("invalid_client", List.of(7000215), "corr-1", "use the secret's Value");
    CredentialsRejectedException e = new CredentialsRejectedException("rejected", details);

    assertTrue(e.details().hasCode(7000215));
    assertEquals("corr-1", e.details().correlation().orElseThrow());
    assertEquals("use the secret's Value", e.details().hint().orElseThrow());
    assertEquals("invalid_client", e.details().errorCode().orElseThrow());
  }

  @Test
  void carriesRetryAfter() {
    IdentityProviderUnavailableException e =
        new IdentityProviderUnavailableException(
            "throttled", FailureDetails.NONE, Duration.ofSeconds(7), null);
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
  }
}
