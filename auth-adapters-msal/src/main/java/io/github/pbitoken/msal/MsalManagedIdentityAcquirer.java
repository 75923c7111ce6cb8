package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.port.out.TokenAcquirer;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link TokenAcquirer} for an Azure host's managed identity, on MSAL4J's {@link
 * ManagedIdentityApplication}: the token is for the cloud's Power BI resource (managed identity
 * speaks v1 resources, not scopes). MSAL finds the host's endpoint in the environment and keeps
 * managed-identity tokens in a JVM-wide cache.
 *
 * <p>As for the confidential client: bounded waits, the adapter's HTTP client (which, here only,
 * also speaks plain HTTP to the loopback and link-local endpoints Azure hosts serve the identity
 * on), validated results and translated errors.
 */
final class MsalManagedIdentityAcquirer implements TokenAcquirer {
  private final MsalSettings settings;
  private final ManagedIdentityApplication app;
  private final Clock clock;
  private final MsalErrorTranslator translator;

  private MsalManagedIdentityAcquirer(
      MsalSettings settings, ManagedIdentityApplication app, Clock clock) {
    this.settings = settings;
    this.app = app;
    this.clock = clock;
    this.translator = new MsalErrorTranslator(clock);
  }

  static MsalManagedIdentityAcquirer create(MsalSettings settings) {
    IHttpClient transport =
        HttpsUrlConnectionClient.forManagedIdentity(
            settings.connectTimeout(),
            settings.readTimeout(),
            TrustBundle.socketFactory(settings.extraTrust(), settings.trustStorePassword()));
    ManagedIdentityCredential identity = (ManagedIdentityCredential) settings.credential();
    ManagedIdentityApplication app =
        ManagedIdentityApplication.builder(msalId(identity))
            .httpClient(transport)
            .executorService(MsalThreads.newExecutor())
            .logPii(false)
            .build();
    return new MsalManagedIdentityAcquirer(settings, app, Clock.systemUTC());
  }

  private static ManagedIdentityId msalId(ManagedIdentityCredential identity) {
    return switch (identity.kind()) {
      case SYSTEM_ASSIGNED -> ManagedIdentityId.systemAssigned();
      case USER_ASSIGNED_CLIENT_ID -> ManagedIdentityId.userAssignedClientId(identity.id());
      case USER_ASSIGNED_RESOURCE_ID -> ManagedIdentityId.userAssignedResourceId(identity.id());
      case USER_ASSIGNED_OBJECT_ID -> ManagedIdentityId.userAssignedObjectId(identity.id());
    };
  }

  @Override
  public AccessToken acquire(TokenRequest request) throws TokenAcquisitionException {
    Objects.requireNonNull(request, "request must not be null");
    if (request.scopes().size() != 1) {
      throw new IllegalArgumentException("a managed identity token is for exactly one resource");
    }
    String resource = request.scopes().iterator().next().resource().toString();
    MsalErrorTranslator.Target target =
        new MsalErrorTranslator.Target(
            "the managed identity endpoint (IDENTITY_ENDPOINT or IMDS)",
            settings.clientId(),
            request.tenant(),
            settings.acquireTimeout());
    CompletableFuture<IAuthenticationResult> future;
    try {
      future =
          app.acquireTokenForManagedIdentity(
              ManagedIdentityParameters.builder(resource)
                  .forceRefresh(request.forceRefresh())
                  .build());
    } catch (Exception failure) {
      throw translator.translate(failure, target);
    }
    IAuthenticationResult result =
        MsalFutures.await(
            future,
            settings.acquireTimeout(),
            "a managed identity token",
            failure -> translator.translate(failure, target));
    return withIssuingTenant(
        MsalResultMapper.toAccessToken(result, request, target, clock.instant()));
  }

  /** A managed identity asks no tenant ({@code organizations} stands in): the token names it. */
  private static AccessToken withIssuingTenant(AccessToken token) {
    return IssuingTenant.of(token.value().reveal())
        .map(
            tenant ->
                new AccessToken(
                    token.value(),
                    token.expiresOn(),
                    token.refreshOn(),
                    token.scopes(),
                    tenant,
                    token.account(),
                    token.source()))
        .orElse(token);
  }
}
