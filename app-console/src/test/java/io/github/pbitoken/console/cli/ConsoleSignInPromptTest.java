package io.github.pbitoken.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.DeviceCodePrompt;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSignInPromptTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ConsoleOutput console =
      new ConsoleOutput(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void givenAPipe_whenShowingADeviceCode_thenOneLineOnStderrAndNoCountdown() {
    ConsoleSignInPrompt prompt =
        new ConsoleSignInPrompt(console, Clock.fixed(NOW, ZoneOffset.UTC), false);

    prompt.showDeviceCode(
        new DeviceCodePrompt(
            "ABCD-EFGH",
            URI.create("https://microsoft.com/devicelogin"),
            NOW.plus(Duration.ofMinutes(15)),
            null));
    prompt.signInEnded();

    assertEquals(
        "pbi-token: to sign in, open https://microsoft.com/devicelogin and enter the code"
            + " ABCD-EFGH (it expires in 15 minutes)\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void givenNoBrowser_whenShowingTheUrl_thenTheUserIsToldToOpenIt() {
    ConsoleSignInPrompt prompt =
        new ConsoleSignInPrompt(console, Clock.fixed(NOW, ZoneOffset.UTC), false);

    prompt.showBrowserUrl(URI.create("https://login.example/authorize?x=1"), false);
    prompt.signInEnded();

    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("open this URL to sign in: https://login.example/authorize?x=1"));
  }
}
