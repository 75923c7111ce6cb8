package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.AuthenticationResultMetadata;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.domain.UnexpectedIdentityProviderResponseException;
import java.time.Instant;
import java.util.Date;

/**
 * Checks MSAL's result and turns it into an {@link AccessToken}. MSAL can "succeed" with a null
 * token (MSAL4J-FACTS.md), so a result is only accepted with a non-blank token that has not yet
 * expired.
 *
 * <ul>
 *   <li>expiresOn: MSAL's {@code expiresOnDate}; refreshOn: the metadata's {@code refreshOn} (from
 *       {@code refresh_in}), dropped if it is not before expiry;
 *   <li>scopes: {@link GrantedScopes};
 *   <li>tenant: the request's; account: none (app-only);
 *   <li>source: {@code CACHE} when MSAL served it from its token cache, else {@code
 *       IDENTITY_PROVIDER}.
 * </ul>
 */
final class MsalResultMapper {
  private MsalResultMapper() {}

  static AccessToken toAccessToken(
      IAuthenticationResult result,
      TokenRequest request,
      MsalErrorTranslator.Target target,
      Instant now)
      throws UnexpectedIdentityProviderResponseException {
    if (result == null || result.accessToken() == null || result.accessToken().isBlank()) {
      throw new UnexpectedIdentityProviderResponseException(
          "the identity provider at "
              + target.host()
              + " returned no access token for app "
              + target.clientId()
              + " in tenant "
              + request.tenant(),
          FailureDetails.hint(
              "check that the authority host points at Entra ID (or a faithful emulator)"));
    }
    Date expiresOnDate = result.expiresOnDate();
    if (expiresOnDate == null || !expiresOnDate.toInstant().isAfter(now)) {
      throw new UnexpectedIdentityProviderResponseException(
          "the identity provider at "
              + target.host()
              + " returned an access token for app "
              + target.clientId()
              + " that has already expired"
              + (expiresOnDate == null ? "" : " (expires on " + expiresOnDate.toInstant() + ")"),
          FailureDetails.hint("check the clock of this machine (NTP)"));
    }
    Instant expiresOn = expiresOnDate.toInstant();
    AuthenticationResultMetadata metadata = result.metadata();
    return new AccessToken(
        Secret.of(result.accessToken()),
        expiresOn,
        refreshOn(metadata, expiresOn),
        GrantedScopes.of(result.scopes(), request),
        request.tenant(),
        null,
        metadata != null && metadata.tokenSource() == com.microsoft.aad.msal4j.TokenSource.CACHE
            ? TokenSource.CACHE
            : TokenSource.IDENTITY_PROVIDER);
  }

  private static Instant refreshOn(AuthenticationResultMetadata metadata, Instant expiresOn) {
    if (metadata == null || metadata.refreshOn() == null || metadata.refreshOn() <= 0) {
      return null;
    }
    Instant refreshOn = Instant.ofEpochSecond(metadata.refreshOn());
    return refreshOn.isBefore(expiresOn) ? refreshOn : null;
  }
}
