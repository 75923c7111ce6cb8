package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import io.github.pbitoken.core.domain.AcquisitionCancelledException;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.CredentialsRejectedException;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.InteractionRequiredException;
import io.github.pbitoken.core.domain.PermissionMissingException;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns whatever MSAL4J throws into the domain's {@link TokenAcquisitionException}s, so no {@code
 * com.microsoft.aad.msal4j} type ever leaves the adapter (not even as a cause: causes are JDK
 * exceptions only).
 *
 * <p>The first row that matches wins:
 *
 * <table>
 *   <caption>MSAL failure to domain failure</caption>
 *   <tr><th>MSAL reports</th><th>becomes</th><th>retryable</th></tr>
 *   <tr><td>error {@code pbi_token_malformed_response} (a 200 that {@link TokenEndpointGuard}
 *       refused: empty, HTML, JSON array, no {@code access_token})</td>
 *       <td>UnexpectedIdentityProviderResponse</td><td>no</td></tr>
 *   <tr><td>an AADSTS code in {@link EntraErrorCatalog} (7000215, 7000222, 700016, 90002, 90038,
 *       50126, 50034, 7000218, 700025, 700024; 65001, 70011, 1002012, 500011, 28000, 53003; 50076,
 *       50079, 50173, 700082; ...)</td><td>the catalog's kind, with its fix hint</td><td>no</td></tr>
 *   <tr><td>error {@code invalid_client}, {@code unauthorized_client}</td>
 *       <td>CredentialsRejected</td><td>no</td></tr>
 *   <tr><td>error {@code invalid_scope}, {@code consent_required}</td>
 *       <td>PermissionMissing</td><td>no</td></tr>
 *   <tr><td>error {@code invalid_grant}, {@code interaction_required};
 *       {@code MsalInteractionRequiredException}</td><td>InteractionRequired</td><td>no</td></tr>
 *   <tr><td>HTTP 429 or 5xx; error {@code temporarily_unavailable}, {@code server_error};
 *       {@code MsalThrottlingException}</td>
 *       <td>IdentityProviderUnavailable, with {@code Retry-After}</td><td>yes</td></tr>
 *   <tr><td>a {@link CredentialFileException} cause (the federated token file is missing or
 *       empty)</td><td>CredentialsRejected</td><td>no</td></tr>
 *   <tr><td>{@code http_timeout}; {@link TimeoutException}; an {@link IOException} cause
 *       (refused, reset, unknown host, TLS handshake failure: reported as a certificate trust
 *       problem)</td><td>IdentityProviderUnavailable</td><td>yes</td></tr>
 *   <tr><td>a cancelled future</td><td>AcquisitionCancelled</td><td>no</td></tr>
 *   <tr><td>anything else</td><td>UnexpectedIdentityProviderResponse</td><td>no</td></tr>
 * </table>
 *
 * <p>Messages are one line and name what failed, the app, the tenant and the AADSTS code. They
 * never hold a secret, a token, a response body or MSAL's own message (which can quote the body).
 */
final class MsalErrorTranslator {

  /** Where a failed request went: named in every message. */
  record Target(String host, ClientId clientId, TenantId tenant, Duration acquireTimeout) {}

  private static final Pattern AADSTS_PREFIX = Pattern.compile("^\\s*AADSTS(\\d{1,9})\\b");
  private static final Set<String> CREDENTIALS_ERRORS =
      Set.of("invalid_client", "unauthorized_client");
  private static final Set<String> PERMISSION_ERRORS = Set.of("invalid_scope", "consent_required");
  private static final Set<String> INTERACTION_ERRORS =
      Set.of("invalid_grant", "interaction_required");
  private static final Set<String> UNAVAILABLE_ERRORS =
      Set.of("temporarily_unavailable", "server_error");
  private static final String HTTP_TIMEOUT = "http_timeout";
  private static final String MANAGED_IDENTITY_ERROR_PREFIX = "managed_identity";
  private static final String SIGN_IN_AGAIN =
      "sign in again with an interactive or device-code flow";
  private static final String TRUST_HINT =
      "if the host is right (e.g. behind a TLS-inspecting proxy, or a test emulator), add the CA"
          + " that issued its certificate to the trust store (the trust-store setting: PEM or PKCS#12); never"
          + " disable certificate verification";

  private final Clock clock;

  MsalErrorTranslator(Clock clock) {
    this.clock = clock;
  }

  /** The domain failure for anything an MSAL call threw, unwrapping executor wrappers. */
  TokenAcquisitionException translate(Throwable failure, Target target) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TokenAcquisitionException already) {
      return already;
    }
    if (cause instanceof CancellationException) {
      return new AcquisitionCancelledException(
          "the token request to " + target.host() + " was cancelled", FailureDetails.NONE);
    }
    if (cause instanceof TimeoutException timeout) {
      return timedOut(target, timeout);
    }
    if (cause instanceof MsalThrottlingException throttled) {
      Duration wait = Duration.ofMillis(Math.max(0, throttled.retryInMs()));
      return new IdentityProviderUnavailableException(
          "the identity provider at " + target.host() + " is throttling app " + target.clientId(),
          FailureDetails.hint("wait " + wait.toSeconds() + " s before asking again"),
          wait,
          null);
    }
    if (cause instanceof MsalServiceException service) {
      return fromService(service, target);
    }
    Optional<CredentialFileException> credentialFile = find(cause, CredentialFileException.class);
    if (credentialFile.isPresent()) {
      return new CredentialsRejectedException(
          credentialFile.get().getMessage()
              + ", so app "
              + target.clientId()
              + " has no assertion to send",
          FailureDetails.hint(
              "the platform writes this file (workload identity: AZURE_FEDERATED_TOKEN_FILE);"
                  + " check that it is mounted and holds the current token"));
    }
    Optional<IOException> io = find(cause, IOException.class);
    if (io.isPresent()) {
      return unreachable(io.get(), target);
    }
    if (cause instanceof MsalClientException client && HTTP_TIMEOUT.equals(client.errorCode())) {
      return new IdentityProviderUnavailableException(
          "the identity provider at " + target.host() + " did not answer in time",
          FailureDetails.hint("check network access to " + target.host()),
          null);
    }
    return unexpected(cause, target);
  }

  /** No answer within the acquire timeout. */
  IdentityProviderUnavailableException timedOut(Target target, TimeoutException cause) {
    return new IdentityProviderUnavailableException(
        "the identity provider at "
            + target.host()
            + " did not issue a token within "
            + seconds(target.acquireTimeout()),
        FailureDetails.hint(
            "check network access to " + target.host() + ", or raise the acquire timeout"),
        cause);
  }

  /**
   * The managed identity endpoint (App Service's IDENTITY_ENDPOINT, or IMDS) is on this machine and
   * has no app or tenant of ours to name: the message says what the endpoint did instead.
   */
  private static TokenAcquisitionException fromManagedIdentity(
      String error, Integer status, String correlationId) {
    String what = " (" + error + (status == null || status == 0 ? "" : ", HTTP " + status) + ")";
    if (error.equals("managed_identity_unreachable_network")) {
      return new IdentityProviderUnavailableException(
          "the managed identity endpoint could not be reached" + what,
          new FailureDetails(
              error,
              List.of(),
              correlationId,
              "run on Azure compute that has a managed identity; on App Service and Functions"
                  + " IDENTITY_ENDPOINT and IDENTITY_HEADER must be set, elsewhere IMDS"
                  + " (169.254.169.254) must be reachable"),
          null);
    }
    boolean endpointTrouble = status != null && (status == 429 || status >= 500);
    if (!endpointTrouble) { // MSAL often leaves the status out: an answered request was refused
      return new CredentialsRejectedException(
          "the managed identity endpoint refused the request" + what,
          new FailureDetails(
              error,
              List.of(),
              correlationId,
              "check that the identity is assigned to this resource and, for a user-assigned one,"
                  + " its id (managed-identity-client-id, -resource-id or -object-id);"
                  + " on App Service, that IDENTITY_HEADER is the one the platform set"));
    }
    return new IdentityProviderUnavailableException(
        "the managed identity endpoint failed" + what,
        new FailureDetails(error, List.of(), correlationId, "try again later"),
        null);
  }

  private TokenAcquisitionException fromService(MsalServiceException service, Target target) {
    String error = blankToNull(service.errorCode());
    List<Integer> codes = aadstsCodes(service.getMessage());
    String correlationId = correlationId(service);
    Integer status = service.statusCode();
    String app = target.clientId().value();
    String tenant = target.tenant().value();

    if (TokenEndpointGuard.MALFORMED_RESPONSE.equals(error)) {
      return new UnexpectedIdentityProviderResponseException(
          "the identity provider at "
              + target.host()
              + " sent an unusable token response: "
              + oneLine(service.getMessage()),
          new FailureDetails(
              null,
              List.of(),
              correlationId,
              "check that the authority host points at Entra ID (or a faithful emulator)"));
    }
    String oauthError = TokenEndpointGuard.HTTP_ERROR.equals(error) ? null : error;
    Optional<EntraErrorCatalog.Entry> known =
        codes.stream().map(EntraErrorCatalog::lookup).flatMap(Optional::stream).findFirst();
    if (known.isPresent()) {
      EntraErrorCatalog.Entry entry = known.get();
      FailureDetails details =
          new FailureDetails(oauthError, codes, correlationId, entry.fixHint());
      String message = entry.message(app, tenant);
      return switch (entry.kind()) {
        case CREDENTIALS_REJECTED -> new CredentialsRejectedException(message, details);
        case PERMISSION_MISSING -> new PermissionMissingException(message, details);
        case INTERACTION_REQUIRED -> new InteractionRequiredException(message, details);
        case UNEXPECTED -> new UnexpectedIdentityProviderResponseException(message, details);
      };
    }
    if (oauthError != null && oauthError.startsWith(MANAGED_IDENTITY_ERROR_PREFIX)) {
      return fromManagedIdentity(oauthError, status, correlationId);
    }
    String suffix = suffix(codes, oauthError, status);
    if (oauthError != null && CREDENTIALS_ERRORS.contains(oauthError)) {
      return new CredentialsRejectedException(
          "the identity provider rejected the credentials of app "
              + app
              + " in tenant "
              + tenant
              + suffix,
          new FailureDetails(
              oauthError,
              codes,
              correlationId,
              "check the client id, the client secret's Value, the tenant and the cloud"));
    }
    if (oauthError != null && PERMISSION_ERRORS.contains(oauthError)) {
      return new PermissionMissingException(
          "the identity provider refused app "
              + app
              + " the requested scopes in tenant "
              + tenant
              + suffix,
          new FailureDetails(
              oauthError,
              codes,
              correlationId,
              "check the scopes (app-only flows need <resource>/.default) and the app's"
                  + " permissions and consent"));
    }
    if ((oauthError != null && INTERACTION_ERRORS.contains(oauthError))
        || service instanceof MsalInteractionRequiredException) {
      return new InteractionRequiredException(
          "a user must sign in again to get a token for app "
              + app
              + " in tenant "
              + tenant
              + suffix,
          new FailureDetails(oauthError, codes, correlationId, SIGN_IN_AGAIN));
    }
    if ((status != null && (status == 429 || status >= 500))
        || (oauthError != null && UNAVAILABLE_ERRORS.contains(oauthError))) {
      Duration retryAfter = retryAfter(service.headers()).orElse(null);
      String hint =
          retryAfter == null
              ? "try again later"
              : "the identity provider asked to wait " + retryAfter.toSeconds() + " s";
      return new IdentityProviderUnavailableException(
          "the identity provider at "
              + target.host()
              + " is unavailable ("
              + (status == null ? oauthError : "HTTP " + status)
              + (codes.isEmpty() ? "" : ", AADSTS" + codes.get(0))
              + ")",
          new FailureDetails(oauthError, codes, correlationId, hint),
          retryAfter,
          null);
    }
    return new UnexpectedIdentityProviderResponseException(
        "the identity provider at "
            + target.host()
            + " refused a token for app "
            + app
            + " in tenant "
            + tenant
            + suffix,
        new FailureDetails(oauthError, codes, correlationId, null));
  }

  private static IdentityProviderUnavailableException unreachable(IOException io, Target target) {
    String host = target.host();
    if (isTrustProblem(io)) {
      return new IdentityProviderUnavailableException(
          "the certificate of the identity provider at "
              + host
              + " is not trusted (TLS handshake failed: certificate trust problem)",
          FailureDetails.hint(TRUST_HINT),
          io);
    }
    if (io instanceof SSLException) {
      return new IdentityProviderUnavailableException(
          "the TLS handshake with the identity provider at " + host + " failed",
          FailureDetails.hint(
              "check the authority host and any proxy in between; if it is a certificate"
                  + " problem, "
                  + TRUST_HINT),
          io);
    }
    String what;
    String hint = "check network access to " + host + " (proxy, firewall), then try again";
    if (io instanceof UnknownHostException) {
      what = "could not resolve the identity provider host " + host;
      hint = "check the authority host (or cloud) setting and DNS";
    } else if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
      what = "could not connect to the identity provider at " + host;
    } else if (io instanceof SocketTimeoutException) {
      what = "the identity provider at " + host + " did not answer in time";
    } else {
      what =
          "the connection to the identity provider at "
              + host
              + " failed ("
              + io.getClass().getSimpleName()
              + ")";
    }
    return new IdentityProviderUnavailableException(what, FailureDetails.hint(hint), io);
  }

  private static boolean isTrustProblem(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertificateException
          || t instanceof SSLPeerUnverifiedException
          || (t instanceof GeneralSecurityException
              && t.getClass().getName().startsWith("java.security.cert.CertPath"))) {
        return true;
      }
      if (t instanceof SSLHandshakeException
          && t.getMessage() != null
          && (t.getMessage().contains("PKIX") || t.getMessage().contains("certificate"))) {
        return true;
      }
    }
    return false;
  }

  private static UnexpectedIdentityProviderResponseException unexpected(
      Throwable cause, Target target) {
    String what =
        cause instanceof MsalException msal && msal.errorCode() != null
            ? msal.errorCode()
            : cause.getClass().getSimpleName();
    return new UnexpectedIdentityProviderResponseException(
        "the token response of the identity provider at "
            + target.host()
            + " for app "
            + target.clientId()
            + " could not be processed ("
            + what
            + ")",
        FailureDetails.NONE);
  }

  /** The AADSTS codes MSAL's message starts with (the guard puts {@code error_codes} there). */
  static List<Integer> aadstsCodes(String description) {
    if (description == null) {
      return List.of();
    }
    Matcher matcher = AADSTS_PREFIX.matcher(description);
    if (!matcher.find()) {
      return List.of();
    }
    try {
      return List.of(Integer.parseInt(matcher.group(1)));
    } catch (NumberFormatException tooLarge) {
      return List.of();
    }
  }

  private static String correlationId(MsalServiceException service) {
    String fromBody = blankToNull(service.correlationId());
    if (fromBody != null) {
      return fromBody;
    }
    return header(service.headers(), "client-request-id").orElse(null);
  }

  /** {@code Retry-After} as seconds or as an HTTP date; absent, negative or unreadable: empty. */
  Optional<Duration> retryAfter(Map<String, List<String>> headers) {
    Optional<String> value = header(headers, "Retry-After");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getKey().equalsIgnoreCase(name)
          && header.getValue() != null
          && !header.getValue().isEmpty()
          && header.getValue().get(0) != null
          && !header.getValue().get(0).isBlank()) {
        return Optional.of(header.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  private static String suffix(List<Integer> codes, String error, Integer status) {
    if (!codes.isEmpty()) {
      return " (AADSTS" + codes.get(0) + ")";
    }
    if (error != null) {
      return " (" + error + ")";
    }
    return status == null ? "" : " (HTTP " + status + ")";
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
