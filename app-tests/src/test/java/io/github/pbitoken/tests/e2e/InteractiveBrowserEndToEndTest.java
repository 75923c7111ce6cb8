package io.github.pbitoken.tests.e2e;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.pbitoken.console.Application;
import io.github.pbitoken.core.port.out.AccountStore;
import io.github.pbitoken.core.port.out.SignInPrompt;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import io.github.pbitoken.msal.BrowserLauncher;
import io.github.pbitoken.msal.InteractiveSignIn;
import io.github.pbitoken.msal.MsalAdapters;
import io.github.pbitoken.msal.MsalApplication;
import io.github.pbitoken.msal.MsalSettings;
import io.github.pbitoken.msal.UserSignInSettings;
import io.github.pbitoken.tests.entra.Jwt;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.wiring.ConsoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The interactive (browser) sign-in, the walkthrough's own flow: MSAL's real loopback listener and
 * PKCE, the emulator's sign-in page, and a real headless Chromium clicking "Sign in", whose form
 * POSTs the code to the loopback redirect. Also: without a browser, the URL is printed.
 */
class InteractiveBrowserEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;

  @Test
  void aRealBrowserCompletesTheSignInThroughTheLoopbackRedirect() throws Exception {
    requireChromium();
    emulator().reset();
    ChromeDriver driver = chromium();
    try {
      BrowserLauncher clickSignIn =
          url -> {
            driver.get(url.toString());
            driver.findElement(By.id("approve")).click();
            return true;
          };

      ConsoleRun run = pbiToken(clickSignIn);

      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(
          SandboxDirectory.USER_NAME, Jwt.parse(run.stdout().strip()).claim("upn").orElseThrow());
      assertTrue(run.stderr().contains("/oauth2/v2.0/authorize?"), "URL printed: " + run);
      assertTrue(
          emulator().requests().stream()
              .anyMatch(r -> "authorization_code".equals(r.formParam("grant_type").orElse(""))));
    } finally {
      driver.quit();
    }
  }

  @Test
  void withoutABrowserTheUserIsToldToOpenTheUrlByHand() {
    emulator().reset();
    // no desktop: the person must open the printed URL elsewhere; nobody does, so the wait ends
    BrowserLauncher neverOpened = url -> false;

    ConsoleRun run = pbiToken(neverOpened, Duration.ofSeconds(2));

    assertTrue(run.stderr().contains("open this URL to sign in"), run::toString);
    assertTrue(run.stderr().contains("/oauth2/v2.0/authorize?"), run::toString);
    assertFalse(run.stderr().contains("\tat "), run::toString);
    assertEquals(2, run.stderr().strip().lines().count(), run::toString);
    assertTrue(run.stderr().contains("nobody finished signing in within 2 s"), run::toString);
    assertEquals(75, run.exitCode(), run::toString);
  }

  private ConsoleRun pbiToken(BrowserLauncher browser) {
    return pbiToken(browser, Duration.ofSeconds(60));
  }

  private ConsoleRun pbiToken(BrowserLauncher browser, Duration timeout) {
    Path config = write(dir, userFlowConfig("interactive"));
    Application app = new Application(flow -> new BrowserModule(browser, timeout));
    return ConsoleRun.of(app::run, Map.of(), "--config", config.toString(), "-o", "token");
  }

  /** The production public client, with the test's browser instead of the desktop's. */
  static final class BrowserModule extends AbstractModule {
    private final BrowserLauncher browser;
    private final Duration timeout;

    BrowserModule(BrowserLauncher browser, Duration timeout) {
      this.browser = browser;
      this.timeout = timeout;
    }

    @Provides
    @Singleton
    MsalApplication application(MsalSettings settings, SignInPrompt prompt) {
      return MsalAdapters.publicClient(
          settings,
          new UserSignInSettings(new InteractiveSignIn(browser), true, timeout),
          null,
          prompt);
    }

    @Provides
    @Singleton
    TokenAcquirer tokenAcquirer(MsalApplication application) {
      return application.tokenAcquirer();
    }

    @Provides
    @Singleton
    AccountStore accountStore(MsalApplication application) {
      return application.accountStore();
    }
  }

  private static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs them");
    }
    if (!present) {
      System.err.println(
          "\n*** SKIPPED the real-browser test: "
              + CHROMIUM
              + " / "
              + CHROMEDRIVER
              + " not found. Install them: apt-get install chromium chromium-driver ***\n");
    }
    Assumptions.assumeTrue(present, "Chromium and chromedriver are not installed");
  }

  private static String spkiHash(X509Certificate certificate) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
    return Base64.getEncoder().encodeToString(digest);
  }

  private ChromeDriver chromium() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // trust exactly the emulator's CA key, as the JVM trusts exactly its CA (no trust-all)
        "--ignore-certificate-errors-spki-list=" + spkiHash(emulator().caCertificate()),
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }
}
