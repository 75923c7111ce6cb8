package io.github.pbitoken.tests.entra;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** The table of contents of the emulator: which endpoint answers which path. */
final class EntraRoutes {
  private EntraRoutes() {}

  static List<Route> create(URI baseUri, Clock clock, EmulatorState state, TokenSigner signer) {
    SandboxDirectory directory = state.directory();
    AccessTokenIssuer issuer = new AccessTokenIssuer(signer, clock);
    UserSessions sessions = state.userSessions();
    UserTokenResponse userTokens =
        new UserTokenResponse(directory, issuer, sessions, state::tokenLifetime);
    List<Grant> grants =
        List.of(
            new ClientCredentialsGrant(
                directory,
                issuer,
                state::tokenLifetime,
                new ClientAssertionVerifier(directory, state.assertionReplayGuard())),
            new DeviceCodeGrant(directory, sessions, userTokens),
            new RefreshTokenGrant(directory, sessions, userTokens),
            new PasswordGrant(directory, sessions, userTokens),
            new AuthorizationCodeGrant(directory, sessions, userTokens));
    return List.of(
        new Route("/{tenant}/discovery/instance", new InstanceDiscoveryEndpoint(baseUri), false),
        new Route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            new OpenIdConfigurationEndpoint(baseUri, directory),
            false),
        new Route(
            "/{tenant}/discovery/v2.0/keys", new KeysEndpoint(baseUri, directory, signer), false),
        new Route("/{tenant}/oauth2/v2.0/token", new TokenEndpoint(directory, grants), true),
        new Route(
            "/{tenant}/oauth2/v2.0/devicecode", new DeviceCodeEndpoint(directory, sessions), false),
        new Route("/{tenant}/userrealm/*", new UserRealmEndpoint(), false),
        new Route(
            "/{tenant}/oauth2/v2.0/authorize", new AuthorizeEndpoint(directory, sessions), false),
        new Route(
            "/{tenant}/msi/token",
            new ManagedIdentityEndpoint(directory, issuer, state::tokenLifetime, clock),
            false));
  }
}
