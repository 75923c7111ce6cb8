package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.Cloud;
import java.time.Clock;

/**
 * {@code pbi-token inspect}: decodes a token and checks it against the push-data walkthrough's
 * needs. Exit 0 when every check passes, 65 (bad input data) otherwise.
 */
public final class InspectAction {
  private final ConsoleOutput console;
  private final Clock clock;

  public InspectAction(ConsoleOutput console, Clock clock) {
    this.console = console;
    this.clock = clock;
  }

  /**
   * @param rawToken the token as given (a {@code Bearer } prefix is fine)
   * @param cloud the cloud whose Power BI audience the token must have
   * @param json whether to print JSON instead of text
   */
  public ExitCode run(String rawToken, Cloud cloud, boolean json) throws InvalidTokenException {
    JwtClaims token;
    try {
      token = JwtClaims.decode(rawToken);
    } catch (JwtClaims.NotAJwtException e) {
      throw new InvalidTokenException(e.getMessage());
    }
    TokenInspection inspection = new TokenInspection(token, cloud, clock.instant());
    console.result(
        json ? InspectionReport.json(token, inspection) : InspectionReport.text(token, inspection));
    return inspection.checks().stream().allMatch(TokenInspection.Check::passed)
        ? ExitCode.OK
        : ExitCode.DATA_ERROR;
  }

  /** The input is not a token that can be inspected. */
  public static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
      super(message + " (pass the token itself, or - to read it from stdin)");
    }
  }
}
