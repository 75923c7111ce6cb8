package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.Cloud;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a token says about itself, checked against what the push-data walkthrough needs: a Power BI
 * audience of the configured cloud, {@code Dataset.ReadWrite.All} for a user's token, not expired.
 */
final class TokenInspection {
  static final String PUSH_DATA_PERMISSION = "Dataset.ReadWrite.All";

  /** One check: passed or not, and a line saying what was found or how to fix it. */
  record Check(String name, boolean passed, String detail) {}

  private final JwtClaims token;
  private final Cloud expectedCloud;
  private final Instant now;

  TokenInspection(JwtClaims token, Cloud expectedCloud, Instant now) {
    this.token = token;
    this.expectedCloud = expectedCloud;
    this.now = now;
  }

  Optional<Cloud> audienceCloud() {
    return token
        .string("aud")
        .flatMap(
            aud ->
                Arrays.stream(Cloud.values())
                    .filter(cloud -> sameResource(cloud.powerBiResource(), aud))
                    .findFirst());
  }

  /** Delegated scopes ({@code scp}), empty for an app-only token. */
  List<String> scopes() {
    return token.string("scp").map(scp -> List.of(scp.trim().split("\\s+"))).orElse(List.of());
  }

  boolean isAppOnly() {
    return token.string("scp").isEmpty();
  }

  Optional<Duration> timeLeft() {
    return token.epochSeconds("exp").map(exp -> Duration.between(now, Instant.ofEpochSecond(exp)));
  }

  List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    String aud = token.string("aud").orElse("(none)");
    boolean audienceOk = sameResource(expectedCloud.powerBiResource(), aud);
    checks.add(
        new Check(
            "audience",
            audienceOk,
            audienceOk
                ? "Power BI in the " + expectedCloud.configName() + " cloud"
                : "is "
                    + aud
                    + ", not "
                    + expectedCloud.powerBiResource()
                    + audienceCloud()
                        .map(
                            c -> " (it is Power BI in the " + c.configName() + " cloud: set cloud)")
                        .orElse(" (ask for the .default scope of the Power BI resource)")));
    if (isAppOnly()) {
      checks.add(
          new Check(
              "permission",
              true,
              "app-only token: access comes from workspace membership of the service principal,"
                  + " not from scopes"));
    } else {
      boolean canPush = scopes().contains(PUSH_DATA_PERMISSION);
      checks.add(
          new Check(
              "permission",
              canPush,
              canPush
                  ? PUSH_DATA_PERMISSION + " granted"
                  : PUSH_DATA_PERMISSION
                      + " missing (scp: "
                      + String.join(" ", scopes())
                      + "); consent to it on the app registration"));
    }
    Optional<Duration> left = timeLeft();
    boolean fresh = left.map(d -> !d.isNegative() && !d.isZero()).orElse(false);
    checks.add(
        new Check(
            "expiry",
            fresh,
            left.map(
                    d ->
                        fresh
                            ? "valid for " + d.toMinutes() + " more minutes"
                            : "expired "
                                + d.negated().toMinutes()
                                + " minutes ago; get a new token")
                .orElse("no exp claim")));
    return checks;
  }

  private static boolean sameResource(URI resource, String audience) {
    String expected = resource.toString();
    return audience.equals(expected) || audience.equals(expected + "/");
  }
}
