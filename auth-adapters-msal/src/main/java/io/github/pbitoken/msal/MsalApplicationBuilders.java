package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import java.net.MalformedURLException;
import java.util.concurrent.ExecutorService;

/**
 * What every MSAL application here is built with, public or confidential client alike: the
 * authority, instance discovery answered locally (one request per token; MSAL's port bug), the
 * guarded HTTP client, our executor, no MSAL retries (ours own that), no PII in logs, and the
 * persisted cache when there is one.
 */
final class MsalApplicationBuilders {
  private MsalApplicationBuilders() {}

  static <B extends AbstractClientApplicationBase.Builder<B>> B configured(
      B builder,
      MsalSettings settings,
      IHttpClient transport,
      ExecutorService executor,
      ITokenCacheAccessAspect persistence) {
    try {
      builder
          .authority(settings.authority().toString())
          .aadInstanceDiscoveryResponse(
              InstanceDiscovery.responseFor(settings.authorityHost(), settings.tenant()))
          .httpClient(new TokenEndpointGuard(transport))
          .executorService(executor)
          .disableInternalRetries()
          .logPii(false);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(
          "authority " + settings.authority() + " is not a valid URL", e);
    }
    if (persistence != null) {
      builder.setTokenCacheAccessAspect(persistence);
    }
    return builder;
  }
}
