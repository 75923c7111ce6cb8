package io.github.pbitoken.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.pbitoken.console.config.InvalidSettingsException;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.InteractionRequiredException;
import io.github.pbitoken.core.domain.PermissionMissingException;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenCacheWriteException;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
  private static final FailureDetails NONE = FailureDetails.NONE;

  @Test
  void noAcquisitionFailureIsAnInternalError() {
    List<TokenAcquisitionException> oneOfEach =
        List.of(
            new CredentialsRejectedException("x", NONE),
            new PermissionMissingException("x", NONE),
            new InteractionRequiredException("x", NONE),
            new IdentityProviderUnavailableException("x", NONE, null),
            new UnexpectedIdentityProviderResponseException("x", NONE),
            new AcquisitionCancelledException("x", NONE),
            new TokenCacheWriteException("x", NONE));
    Set<Class<?>> covered = oneOfEach.stream().map(Object::getClass).collect(Collectors.toSet());

    assertEquals(
        Set.of(TokenAcquisitionException.class.getPermittedSubclasses()),
        covered,
        "a new kind of failure needs an exit code here");
    for (TokenAcquisitionException failure : oneOfEach) {
      assertNotEquals(ExitCode.INTERNAL, ExitCode.of(failure), failure.getClass().getSimpleName());
    }
  }

  @Test
  void mapsTheDocumentedCodes() {
    assertEquals(77, ExitCode.of(new CredentialsRejectedException("x", NONE)).code());
    assertEquals(77, ExitCode.of(new PermissionMissingException("x", NONE)).code());
    assertEquals(69, ExitCode.of(new IdentityProviderUnavailableException("x", NONE, null)).code());
    assertEquals(
        75,
        ExitCode.of(
                new IdentityProviderUnavailableException("x", NONE, Duration.ofSeconds(5), null))
            .code());
    assertEquals(78, ExitCode.of(new InvalidSettingsException("x")).code());
    assertEquals(70, ExitCode.of(new IllegalStateException("bug")).code());
    assertEquals(74, ExitCode.of(new OutputFailedException()).code());
    assertEquals(74, ExitCode.of(new TokenCacheWriteException("x", NONE)).code());
  }

  @Test
  void codesAreTheBsdSysexits() {
    assertEquals(
        List.of(0, 64, 65, 69, 70, 74, 75, 77, 78),
        Arrays.stream(ExitCode.values()).map(ExitCode::code).toList());
  }
}
