package io.github.pbitoken.console.cli;

import io.github.pbitoken.console.config.InvalidSettingsException;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.InteractionRequiredException;
import io.github.pbitoken.core.domain.PermissionMissingException;
import io.github.pbitoken.core.domain.TokenCacheWriteException;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import picocli.CommandLine.ParameterException;

/** The process exit codes (BSD sysexits), mapped from failures in this one place. */
public enum ExitCode {
  OK(0, "a token was printed (or the command succeeded)"),
  USAGE(64, "the command line is wrong"),
  DATA_ERROR(65, "the input data is wrong"),
  UNAVAILABLE(69, "Entra ID could not be reached or gave an unusable answer"),
  INTERNAL(70, "internal error (a bug: please report it with --verbose output)"),
  OUTPUT_FAILED(74, "a result could not be written: to stdout, or a sign-out to the token cache"),
  TEMPORARY_FAILURE(75, "temporary failure: throttled or cancelled; try again later"),
  NO_PERMISSION(77, "credentials rejected, permission missing, or sign-in required"),
  CONFIG(78, "the configuration is invalid or incomplete");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The exit code for a failure that ended the run. */
  public static ExitCode of(Throwable failure) {
    if (failure instanceof InvalidSettingsException) {
      return CONFIG;
    }
    if (failure instanceof InspectAction.InvalidTokenException) {
      return DATA_ERROR;
    }
    if (failure instanceof OutputFailedException || failure instanceof TokenCacheWriteException) {
      return OUTPUT_FAILED;
    }
    if (failure instanceof ParameterException) {
      return USAGE;
    }
    if (failure instanceof CredentialsRejectedException
        || failure instanceof PermissionMissingException
        || failure instanceof InteractionRequiredException) {
      return NO_PERMISSION;
    }
    if (failure instanceof IdentityProviderUnavailableException unavailable) {
      return unavailable.retryAfter().isPresent() ? TEMPORARY_FAILURE : UNAVAILABLE;
    }
    if (failure instanceof UnexpectedIdentityProviderResponseException) {
      return UNAVAILABLE;
    }
    if (failure instanceof AcquisitionCancelledException) {
      return TEMPORARY_FAILURE;
    }
    return INTERNAL;
  }
}
