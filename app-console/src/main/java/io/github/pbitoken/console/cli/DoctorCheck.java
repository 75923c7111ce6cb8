package io.github.pbitoken.console.cli;

import java.util.Objects;

/**
 * One line of {@code pbi-token doctor}: what was checked, what was found, and for a warning or a
 * failure, how to fix it. Never holds a secret.
 *
 * @param verdict pass, warn or fail
 * @param name what was checked, one word or two
 * @param finding what was found
 * @param fix what to do about it, or {@code null} when it passed
 * @param exitCode the exit code a failure stands for ({@link ExitCode#OK} unless it failed)
 */
public record DoctorCheck(
    DoctorCheck.Verdict verdict, String name, String finding, String fix, ExitCode exitCode) {

  /** How a check came out; a warning does not fail the doctor. */
  public enum Verdict {
    PASS,
    WARN,
    FAIL
  }

  public DoctorCheck {
    Objects.requireNonNull(verdict, "verdict must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(finding, "finding must not be null");
    Objects.requireNonNull(exitCode, "exit code must not be null");
    if ((verdict == Verdict.FAIL) == (exitCode == ExitCode.OK)) {
      throw new IllegalArgumentException("exactly a failure has an exit code, was " + exitCode);
    }
  }

  public static DoctorCheck pass(String name, String finding) {
    return new DoctorCheck(Verdict.PASS, name, finding, null, ExitCode.OK);
  }

  public static DoctorCheck warn(String name, String finding, String fix) {
    return new DoctorCheck(Verdict.WARN, name, finding, fix, ExitCode.OK);
  }

  public static DoctorCheck fail(String name, String finding, String fix, ExitCode exitCode) {
    return new DoctorCheck(Verdict.FAIL, name, finding, fix, exitCode);
  }
}
