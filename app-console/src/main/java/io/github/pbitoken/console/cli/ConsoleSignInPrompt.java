package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.DeviceCodePrompt;
import io.github.pbitoken.core.port.out.SignInPrompt;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows sign-in instructions on stderr at once. On a terminal, a device code also gets a live
 * countdown on one line (rewritten with {@code \r}) until the sign-in ends; in a pipe or a log
 * there is no countdown, just the instruction line.
 */
public final class ConsoleSignInPrompt implements SignInPrompt {
  private final ConsoleOutput console;
  private final Clock clock;
  private final boolean terminal;
  private ScheduledExecutorService countdown;
  private Thread onCtrlC;

  public ConsoleSignInPrompt(ConsoleOutput console, Clock clock, boolean terminal) {
    this.console = Objects.requireNonNull(console, "console must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.terminal = terminal;
  }

  @Override
  public void showDeviceCode(DeviceCodePrompt prompt) {
    console.message(
        "pbi-token: to sign in, open "
            + prompt.verificationUri()
            + " and enter the code "
            + prompt.userCode()
            + " (it expires in "
            + minutes(Duration.between(clock.instant(), prompt.expiresOn()))
            + ")");
    whileSigningIn();
    if (terminal) {
      startCountdown(prompt);
    }
  }

  @Override
  public void showBrowserUrl(URI url, boolean browserOpened) {
    whileSigningIn();
    console.message(
        browserOpened
            ? "pbi-token: a browser opened for sign-in; if it did not, open " + url
            : "pbi-token: no browser can be opened here: open this URL to sign in: " + url);
  }

  @Override
  public synchronized void signInEnded() {
    if (onCtrlC != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running: let it say goodbye
      }
      onCtrlC = null;
    }
    if (countdown != null) {
      countdown.shutdownNow();
      countdown = null;
      console.stderr().print("\r\033[K");
      console.stderr().flush();
    }
  }

  /** Ctrl-C during a sign-in ends the JVM (exit 130): leave one line saying so, no trace. */
  private synchronized void whileSigningIn() {
    if (onCtrlC == null) {
      onCtrlC =
          new Thread(
              () -> console.message("\npbi-token: sign-in cancelled (Ctrl-C)"),
              "pbi-token-sign-in-cancelled");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
    }
  }

  private synchronized void startCountdown(DeviceCodePrompt prompt) {
    countdown =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "pbi-token-countdown");
              thread.setDaemon(true);
              return thread;
            });
    countdown.scheduleAtFixedRate(
        () -> {
          Duration left = Duration.between(clock.instant(), prompt.expiresOn());
          console
              .stderr()
              .print("\r  waiting for sign-in; the code expires in " + clock(left) + " ");
          console.stderr().flush();
        },
        0,
        1,
        TimeUnit.SECONDS);
  }

  private static String minutes(Duration left) {
    long minutes = Math.max(0, (left.getSeconds() + 59) / 60);
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  private static String clock(Duration left) {
    long seconds = Math.max(0, left.getSeconds());
    return String.format("%d:%02d", seconds / 60, seconds % 60);
  }
}
