package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.DeviceCodePrompt;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.InteractionRequiredException;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.CacheStore;
import io.github.pbitoken.core.port.out.SignInPrompt;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TokenAcquirer} for a signed-in user, on one MSAL4J {@link PublicClientApplication}:
 *
 * <ol>
 *   <li>silently first: a token in MSAL's cache (persisted through the {@link CacheStore}) costs no
 *       request; one near expiry costs one {@code refresh_token} request;
 *   <li>otherwise the configured {@link UserSignIn}, unless prompting is off; a rejected refresh
 *       token (AADSTS50173, 700082, {@code invalid_grant}) then ends in "sign in again".
 * </ol>
 *
 * Sign-in waits are bounded by the sign-in timeout, silent calls by the acquire timeout; every
 * failure is translated ({@link UserFlowErrors}, then {@link MsalErrorTranslator}).
 */
final class MsalUserTokenAcquirer implements TokenAcquirer {
  private static final Logger log = LoggerFactory.getLogger(MsalUserTokenAcquirer.class);

  private final MsalSettings settings;
  private final UserSignInSettings signIn;
  private final PublicClientApplication app;
  private final SignInPrompt prompt;
  private final Clock clock;
  private final MsalErrorTranslator translator;
  private final Retries retries;

  MsalUserTokenAcquirer(
      MsalSettings settings,
      UserSignInSettings signIn,
      PublicClientApplication app,
      SignInPrompt prompt,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.signIn = Objects.requireNonNull(signIn, "sign-in settings must not be null");
    this.app = Objects.requireNonNull(app, "app must not be null");
    this.prompt = Objects.requireNonNull(prompt, "prompt must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.translator = new MsalErrorTranslator(clock);
    this.retries = new Retries(settings.maxAttempts(), Sleeper.SYSTEM, Backoff.DEFAULT);
  }

  /** The production adapter: HTTPS on {@link HttpsUrlConnectionClient}. */
  static MsalUserTokenAcquirer create(
      MsalSettings settings,
      UserSignInSettings signIn,
      PersistentTokenCache persistence,
      SignInPrompt prompt) {
    IHttpClient transport = HttpsUrlConnectionClient.to(settings);
    return new MsalUserTokenAcquirer(
        settings,
        signIn,
        publicClient(settings, transport, MsalThreads.newExecutor(), persistence),
        prompt,
        Clock.systemUTC());
  }

  static PublicClientApplication publicClient(
      MsalSettings settings,
      IHttpClient transport,
      ExecutorService executor,
      PersistentTokenCache persistence) {
    return MsalApplicationBuilders.configured(
            PublicClientApplication.builder(settings.clientId().value()),
            settings,
            transport,
            executor,
            persistence)
        .build();
  }

  /** The MSAL application, for the account store that shares its cache. */
  PublicClientApplication application() {
    return app;
  }

  @Override
  public AccessToken acquire(TokenRequest request) throws TokenAcquisitionException {
    Objects.requireNonNull(request, "request must not be null");
    MsalErrorTranslator.Target target =
        new MsalErrorTranslator.Target(
            settings.authorityHost(),
            settings.clientId(),
            request.tenant(),
            settings.acquireTimeout());
    Set<String> scopes =
        request.scopes().stream().map(Scope::toString).collect(Collectors.toUnmodifiableSet());
    Optional<IAccount> account = chooseAccount(request, target);
    if (account.isPresent()) {
      try {
        return silently(request, scopes, account.get(), target);
      } catch (InteractionRequiredException signInNeeded) {
        if (!signIn.allowPrompt() && signIn.signIn().prompts()) {
          throw signInAgain(signInNeeded, account.get());
        }
        log.debug("silent token for {} needs a new sign-in", account.get().username());
      }
    } else if (!signIn.allowPrompt() && signIn.signIn().prompts()) {
      throw new InteractionRequiredException(
          "no signed-in user in the token cache and prompting is off (--no-prompt)",
          FailureDetails.hint(
              "sign in once without --no-prompt (pbi-token), then scripts can run"));
    }
    return signIn(request, scopes, target);
  }

  private Optional<IAccount> chooseAccount(TokenRequest request, MsalErrorTranslator.Target target)
      throws TokenAcquisitionException {
    Set<IAccount> accounts = await(app.getAccounts(), target, settings.acquireTimeout());
    return AccountChoice.forRequest(
        List.copyOf(accounts),
        IAccount::homeAccountId,
        IAccount::username,
        request,
        signIn.signIn());
  }

  /**
   * From the cache, or by redeeming the refresh token: a network request like the service
   * principal's, retried alike ({@link Retries}) within one acquire timeout.
   */
  private AccessToken silently(
      TokenRequest request, Set<String> scopes, IAccount account, MsalErrorTranslator.Target target)
      throws TokenAcquisitionException {
    return retries.run(
        settings.acquireTimeout(),
        target,
        (attempt, deadline) ->
            silentlyOnce(
                request,
                scopes,
                account,
                target,
                Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
  }

  private AccessToken silentlyOnce(
      TokenRequest request,
      Set<String> scopes,
      IAccount account,
      MsalErrorTranslator.Target target,
      Duration timeout)
      throws TokenAcquisitionException {
    SilentParameters.SilentParametersBuilder parameters =
        SilentParameters.builder(scopes, account).forceRefresh(request.forceRefresh());
    CompletableFuture<IAuthenticationResult> future;
    try {
      future = app.acquireTokenSilently(parameters.build());
    } catch (MalformedURLException | RuntimeException failure) {
      throw translated(failure, target);
    }
    return mapped(await(future, target, timeout), request, target);
  }

  private AccessToken signIn(
      TokenRequest request, Set<String> scopes, MsalErrorTranslator.Target target)
      throws TokenAcquisitionException {
    UserSignIn flow = signIn.signIn();
    try {
      if (flow instanceof DeviceCodeSignIn) {
        DeviceCodeFlowParameters parameters =
            DeviceCodeFlowParameters.builder(scopes, this::showDeviceCode).build();
        return mapped(awaitSignIn(app.acquireToken(parameters), target), request, target);
      }
      if (flow instanceof InteractiveSignIn interactive) {
        return mapped(
            awaitSignIn(app.acquireToken(interactiveParameters(scopes, interactive)), target),
            request,
            target);
      }
      if (flow instanceof UsernamePasswordSignIn password) {
        return mapped(awaitSignIn(passwordSignIn(scopes, password), target), request, target);
      }
      throw new IllegalStateException(
          "sign-in " + flow.getClass().getSimpleName() + " is not supported by this build");
    } catch (RuntimeException failure) {
      throw translated(failure, target);
    } finally {
      prompt.signInEnded();
    }
  }

  private InteractiveRequestParameters interactiveParameters(
      Set<String> scopes, InteractiveSignIn interactive) {
    OpenBrowserAction openBrowser =
        url -> {
          URI uri = URI.create(url.toString());
          prompt.showBrowserUrl(uri, interactive.browser().open(uri));
        };
    return InteractiveRequestParameters.builder(URI.create("http://localhost"))
        .scopes(scopes)
        .systemBrowserOptions(SystemBrowserOptions.builder().openBrowserAction(openBrowser).build())
        .httpPollingTimeoutInSeconds(
            (int) Math.min(Integer.MAX_VALUE, signIn.signInTimeout().toSeconds() + 5))
        .build();
  }

  /** ROPC is deprecated in MSAL4J (and by Microsoft): kept for test accounts, with a warning. */
  @SuppressWarnings("deprecation")
  private CompletableFuture<IAuthenticationResult> passwordSignIn(
      Set<String> scopes, UsernamePasswordSignIn password) {
    return app.acquireToken(
        UserNamePasswordParameters.builder(
                scopes, password.username(), password.password().reveal().toCharArray())
            .build());
  }

  private void showDeviceCode(DeviceCode code) {
    prompt.showDeviceCode(
        new DeviceCodePrompt(
            code.userCode(),
            URI.create(code.verificationUri()),
            clock.instant().plusSeconds(code.expiresIn()),
            code.message()));
  }

  private AccessToken mapped(
      IAuthenticationResult result, TokenRequest request, MsalErrorTranslator.Target target)
      throws TokenAcquisitionException {
    AccessToken token = MsalResultMapper.toAccessToken(result, request, target, clock.instant());
    Account account =
        result.account() == null ? null : MsalAccountStore.toAccount(result.account()).orElse(null);
    log.debug(
        "user token in tenant {} from {}: source {}, expires {}",
        target.tenant(),
        target.host(),
        token.source(),
        token.expiresOn());
    return new AccessToken(
        token.value(),
        token.expiresOn(),
        token.refreshOn(),
        token.scopes(),
        token.tenant(),
        account,
        token.source());
  }

  private InteractionRequiredException signInAgain(
      InteractionRequiredException cause, IAccount account) {
    FailureDetails details = cause.details();
    return new InteractionRequiredException(
        "the sign-in of "
            + account.username()
            + " has expired or was revoked"
            + details.aadstsCodes().stream().findFirst().map(c -> " (AADSTS" + c + ")").orElse("")
            + "; sign in again",
        new FailureDetails(
            details.error(),
            details.aadstsCodes(),
            details.correlationId(),
            "run pbi-token without --no-prompt to sign in again (or pbi-token logout first)"),
        cause);
  }

  /** Waits for the person, at most the sign-in timeout; running out is their cancellation. */
  private IAuthenticationResult awaitSignIn(
      CompletableFuture<IAuthenticationResult> future, MsalErrorTranslator.Target target)
      throws TokenAcquisitionException {
    return MsalFutures.await(
        future,
        signIn.signInTimeout(),
        "the sign-in at " + target.host(),
        failure ->
            failure instanceof TimeoutException timedOut
                ? new AcquisitionCancelledException(
                    "nobody finished signing in within "
                        + signIn.signInTimeout().toSeconds()
                        + " s",
                    FailureDetails.hint(
                        "run pbi-token again and complete the sign-in, or raise sign-in-timeout"),
                    timedOut)
                : translated(failure, target));
  }

  private <T> T await(
      CompletableFuture<T> future, MsalErrorTranslator.Target target, Duration timeout)
      throws TokenAcquisitionException {
    return MsalFutures.await(
        future, timeout, target.host(), failure -> translated(failure, target));
  }

  private TokenAcquisitionException translated(
      Throwable failure, MsalErrorTranslator.Target target) {
    Optional<TokenAcquisitionException> userFlow = UserFlowErrors.translate(failure);
    if (userFlow.isPresent()) {
      return userFlow.get();
    }
    return translator.translate(failure, target);
  }
}
