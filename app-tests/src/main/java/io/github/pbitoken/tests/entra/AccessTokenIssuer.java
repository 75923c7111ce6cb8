package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Mints v1-format access tokens with the claims Entra ID puts in Power BI tokens. */
final class AccessTokenIssuer {
  /** {@code appidacr} for a client that proved itself with a secret. */
  static final String AUTHENTICATED_WITH_SECRET = "1";

  /** {@code appidacr} for a client that proved itself with a certificate (client assertion). */
  static final String AUTHENTICATED_WITH_CERTIFICATE = "2";

  /** Entra ID backdates {@code iat} and {@code nbf} by five minutes to absorb clock skew. */
  private static final Duration BACKDATING = Duration.ofMinutes(5);

  private final TokenSigner signer;
  private final Clock clock;

  AccessTokenIssuer(TokenSigner signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  /** An app-only token: the service principal is both {@code oid} and {@code sub}. */
  String appToken(
      Tenant tenant,
      AppRegistration app,
      String resource,
      Duration lifetime,
      String appIdAuthenticationMethod) {
    Instant now = clock.instant();
    String issuer = "https://sts.windows.net/" + tenant.id() + "/";
    ObjectNode claims = Json.object();
    claims.put("aud", resource);
    claims.put("iss", issuer);
    claims.put("iat", now.minus(BACKDATING).getEpochSecond());
    claims.put("nbf", now.minus(BACKDATING).getEpochSecond());
    claims.put("exp", now.plus(lifetime).getEpochSecond());
    claims.put("aio", Ids.randomBase64Url(48));
    claims.put("appid", app.clientId());
    claims.put("appidacr", appIdAuthenticationMethod);
    claims.put("idp", issuer);
    claims.put("idtyp", "app");
    claims.put("oid", app.servicePrincipalId());
    claims.put("rh", "0." + Ids.randomBase64Url(36) + ".");
    claims.put("sub", app.servicePrincipalId());
    claims.put("tid", tenant.id());
    claims.put("uti", Ids.randomBase64Url(16));
    claims.put("ver", "1.0");
    return signer.sign(claims);
  }

  /**
   * A delegated token: the app acts for {@code user} with the given space-separated {@code scp}.
   */
  String userToken(
      Tenant tenant,
      AppRegistration app,
      SandboxUser user,
      String resource,
      String permissions,
      Duration lifetime) {
    Instant now = clock.instant();
    String issuer = "https://sts.windows.net/" + tenant.id() + "/";
    ObjectNode claims = Json.object();
    claims.put("aud", resource);
    claims.put("iss", issuer);
    claims.put("iat", now.minus(BACKDATING).getEpochSecond());
    claims.put("nbf", now.minus(BACKDATING).getEpochSecond());
    claims.put("exp", now.plus(lifetime).getEpochSecond());
    claims.put("acr", "1");
    claims.putArray("amr").add("pwd");
    claims.put("appid", app.clientId());
    claims.put("appidacr", "0");
    claims.put("name", user.displayName());
    claims.put("oid", user.objectId());
    claims.put("scp", permissions);
    claims.put("sub", Ids.derivedGuid(user.objectId(), app.clientId()));
    claims.put("tid", tenant.id());
    claims.put("unique_name", user.username());
    claims.put("upn", user.username());
    claims.put("uti", Ids.randomBase64Url(16));
    claims.put("ver", "1.0");
    return signer.sign(claims);
  }

  /** The v2 id token MSAL reads the account from ({@code preferred_username}, {@code oid}). */
  String idToken(Tenant tenant, AppRegistration app, SandboxUser user) {
    Instant now = clock.instant();
    ObjectNode claims = Json.object();
    claims.put("aud", app.clientId());
    claims.put("iss", "https://login.microsoftonline.com/" + tenant.id() + "/v2.0");
    claims.put("iat", now.getEpochSecond());
    claims.put("nbf", now.getEpochSecond());
    claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
    claims.put("name", user.displayName());
    claims.put("oid", user.objectId());
    claims.put("preferred_username", user.username());
    claims.put("sub", Ids.derivedGuid(user.objectId(), app.clientId()));
    claims.put("tid", tenant.id());
    claims.put("ver", "2.0");
    return signer.sign(claims);
  }
}
