package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.ClaimsRequest;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Scope;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TokenAcquirer} for a confidential client (a service principal with a secret, certificate
 * or assertion), on one MSAL4J {@link ConfidentialClientApplication}, which holds MSAL's token
 * cache.
 *
 * <p>What this adds to MSAL (see MSAL4J-FACTS.md for why):
 *
 * <ul>
 *   <li><b>One HTTP request per fresh token</b>: instance discovery is answered locally ({@link
 *       InstanceDiscovery}); a token in MSAL's cache costs none.
 *   <li><b>Bounded time</b>: every MSAL future is awaited with the time left of {@code
 *       acquireTimeout}, on a small pool of named daemon threads ({@link MsalThreads}); HTTP has
 *       connect and read timeouts ({@link HttpsUrlConnectionClient}).
 *   <li><b>One owner for retries</b>: MSAL's own retry is off; this class retries only an
 *       unavailable identity provider (429, 5xx, I/O failure, timeout), at most {@code maxAttempts}
 *       times within {@code acquireTimeout}, honouring {@code Retry-After} and otherwise backing
 *       off exponentially with jitter ({@link Backoff}). When {@code Retry-After} would pass the
 *       deadline it stops at once and the failure carries it.
 *   <li><b>Guarded responses, validated results</b>: {@link TokenEndpointGuard} keeps the responses
 *       that hang or crash MSAL away from it; {@link MsalResultMapper} rejects a missing or expired
 *       token.
 *   <li><b>Translated errors</b>: {@link MsalErrorTranslator}; no MSAL type escapes.
 * </ul>
 */
final class MsalTokenAcquirer implements TokenAcquirer {
  private static final Logger log = LoggerFactory.getLogger(MsalTokenAcquirer.class);

  /** The credential kinds this adapter maps to MSAL (see {@link MsalCredentials}). */
  static final Set<Class<? extends ClientCredential>> SUPPORTED_CREDENTIALS =
      MsalCredentials.SUPPORTED;

  private final MsalSettings settings;
  private final ConfidentialClientApplication app;
  private final Clock clock;
  private final Retries retries;
  private final MsalErrorTranslator translator;

  MsalTokenAcquirer(
      MsalSettings settings,
      ConfidentialClientApplication app,
      Sleeper sleeper,
      Clock clock,
      Backoff backoff) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.app = Objects.requireNonNull(app, "app must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.retries =
        new Retries(
            settings.maxAttempts(),
            Objects.requireNonNull(sleeper, "sleeper must not be null"),
            Objects.requireNonNull(backoff, "backoff must not be null"));
    this.translator = new MsalErrorTranslator(clock);
  }

  /** The production adapter: HTTPS on {@link HttpsUrlConnectionClient}, real waiting. */
  static MsalTokenAcquirer create(MsalSettings settings) {
    return create(settings, null);
  }

  /**
   * The production adapter, its MSAL cache persisted through {@code persistence} ({@code null}:
   * memory only).
   */
  static MsalTokenAcquirer create(MsalSettings settings, PersistentTokenCache persistence) {
    IHttpClient transport = HttpsUrlConnectionClient.to(settings);
    return new MsalTokenAcquirer(
        settings,
        confidentialClient(settings, transport, MsalThreads.newExecutor(), persistence),
        Sleeper.SYSTEM,
        Clock.systemUTC(),
        Backoff.DEFAULT);
  }

  /** The adapter on a given HTTP seam and sleeper: what tests use. */
  static MsalTokenAcquirer create(
      MsalSettings settings, IHttpClient transport, Sleeper sleeper, Clock clock) {
    return new MsalTokenAcquirer(
        settings,
        confidentialClient(settings, transport, MsalThreads.newExecutor()),
        sleeper,
        clock,
        Backoff.DEFAULT);
  }

  /** The MSAL application: one per adapter, as it holds the token cache. */
  static ConfidentialClientApplication confidentialClient(
      MsalSettings settings, IHttpClient transport, ExecutorService executor) {
    return confidentialClient(settings, transport, executor, null);
  }

  /** As above, with MSAL's cache persisted through {@code persistence} unless it is null. */
  static ConfidentialClientApplication confidentialClient(
      MsalSettings settings,
      IHttpClient transport,
      ExecutorService executor,
      ITokenCacheAccessAspect persistence) {
    return MsalApplicationBuilders.configured(
            ConfidentialClientApplication.builder(
                    settings.clientId().value(), MsalCredentials.of(settings.credential()))
                .sendX5c(MsalCredentials.sendsCertificateChain(settings.credential())),
            settings,
            transport,
            executor,
            persistence)
        .build();
  }

  /** The MSAL application, for the account store that shares its cache. */
  ConfidentialClientApplication application() {
    return app;
  }

  @Override
  public AccessToken acquire(TokenRequest request) throws TokenAcquisitionException {
    Objects.requireNonNull(request, "request must not be null");
    if (request.account() != null) {
      throw new IllegalArgumentException(
          "a service principal's token acts for no user; the request must not name an account");
    }
    MsalErrorTranslator.Target target =
        new MsalErrorTranslator.Target(
            settings.authorityHost(),
            settings.clientId(),
            request.tenant(),
            settings.acquireTimeout());
    ClientCredentialParameters parameters = parameters(request);
    return retries.run(
        settings.acquireTimeout(),
        target,
        (attempt, deadline) -> attempt(parameters, request, target, deadline, attempt));
  }

  private AccessToken attempt(
      ClientCredentialParameters parameters,
      TokenRequest request,
      MsalErrorTranslator.Target target,
      long deadline,
      int attempt)
      throws TokenAcquisitionException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw translator.timedOut(target, new TimeoutException("acquire timeout reached"));
    }
    log.debug(
        "requesting a token for app {} in tenant {} from {} (attempt {}/{}, forceRefresh {})",
        target.clientId(),
        target.tenant(),
        target.host(),
        attempt,
        settings.maxAttempts(),
        request.forceRefresh());
    CompletableFuture<IAuthenticationResult> future;
    try {
      future = app.acquireToken(parameters);
    } catch (RuntimeException failure) {
      throw translated(failure, target);
    }
    IAuthenticationResult result =
        MsalFutures.await(
            future,
            Duration.ofNanos(remaining),
            "a token from " + target.host(),
            failure -> translated(failure, target));
    AccessToken token = MsalResultMapper.toAccessToken(result, request, target, clock.instant());
    log.debug(
        "token for app {} in tenant {} from {}: source {}, expires {}",
        target.clientId(),
        target.tenant(),
        target.host(),
        token.source(),
        token.expiresOn());
    return token;
  }

  private TokenAcquisitionException translated(
      Throwable failure, MsalErrorTranslator.Target target) {
    TokenAcquisitionException translated = translator.translate(failure, target);
    if (log.isDebugEnabled()) {
      log.debug(
          "token request to {} failed: {} (AADSTS {}, correlation id {})",
          target.host(),
          translated.getClass().getSimpleName(),
          translated.details().aadstsCodes(),
          translated.details().correlation().orElse("none"));
    }
    return translated;
  }

  private ClientCredentialParameters parameters(TokenRequest request) {
    Set<String> scopes =
        request.scopes().stream().map(Scope::toString).collect(Collectors.toUnmodifiableSet());
    ClientCredentialParameters.ClientCredentialParametersBuilder builder =
        ClientCredentialParameters.builder(scopes);
    if (request.forceRefresh() || request.claimsChallenge() != null) {
      builder.skipCache(true);
    }
    if (request.claimsChallenge() != null) {
      builder.claims(claimsRequest(request.claimsChallenge()));
    }
    if (!request.tenant().equals(settings.tenant())) {
      builder.tenant(request.tenant().value());
    }
    return builder.build();
  }

  /** A claims challenge as a resource sends it (base64 in {@code WWW-Authenticate}) or as JSON. */
  static ClaimsRequest claimsRequest(String challenge) {
    String json = challenge.trim();
    if (!json.startsWith("{")) {
      try {
        json = new String(Base64.getDecoder().decode(json), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        throw new IllegalArgumentException(
            "claims challenge must be JSON or base64-encoded JSON", notBase64);
      }
    }
    try {
      return ClaimsRequest.formatAsClaimsRequest(json);
    } catch (RuntimeException malformed) {
      throw new IllegalArgumentException(
          "claims challenge must be a JSON object such as"
              + " {\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"...\"}}}");
    }
  }
}
