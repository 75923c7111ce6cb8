package io.github.pbitoken.console.cli;

import java.util.List;

/**
 * Prints the doctor's checks on stdout, one line each (and a fix line under a warning or a
 * failure), and decides the exit code: 0 when nothing failed; otherwise the most telling failure,
 * configuration (78) before an unreachable identity provider (69) before credentials (77) before
 * the rest (65).
 */
public final class DoctorReport {
  private static final List<ExitCode> PRECEDENCE =
      List.of(ExitCode.CONFIG, ExitCode.UNAVAILABLE, ExitCode.NO_PERMISSION, ExitCode.DATA_ERROR);

  private DoctorReport() {}

  public static ExitCode print(List<DoctorCheck> checks, ConsoleOutput console) {
    int width = checks.stream().mapToInt(check -> check.name().length()).max().orElse(0);
    for (DoctorCheck check : checks) {
      console.result(
          String.format(
              "%-4s %-" + width + "s  %s", check.verdict(), check.name(), check.finding()));
      if (check.fix() != null) {
        console.result("     " + " ".repeat(width) + "  fix: " + check.fix());
      }
    }
    ExitCode exit = exitCode(checks);
    long failed = checks.stream().filter(c -> c.verdict() == DoctorCheck.Verdict.FAIL).count();
    long warned = checks.stream().filter(c -> c.verdict() == DoctorCheck.Verdict.WARN).count();
    console.result(
        failed == 0
            ? "doctor: all checks passed" + (warned == 0 ? "" : " (" + warned + " warning(s))")
            : "doctor: " + failed + " check(s) failed (exit " + exit.code() + ")");
    return exit;
  }

  static ExitCode exitCode(List<DoctorCheck> checks) {
    for (ExitCode candidate : PRECEDENCE) {
      if (checks.stream().anyMatch(check -> check.exitCode() == candidate)) {
        return candidate;
      }
    }
    return checks.stream()
        .map(DoctorCheck::exitCode)
        .filter(code -> code != ExitCode.OK)
        .findFirst()
        .orElse(ExitCode.OK);
  }
}
