package io.github.pbitoken.tests.entra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A path template such as {@code /{tenant}/oauth2/v2.0/token} and the endpoint behind it. Only
 * routes that {@code acceptsFaults} consume scripted faults.
 */
record Route(String template, Endpoint endpoint, boolean acceptsFaults) {
  private static final String TENANT = "{tenant}";

  /** A template segment that matches any one path segment, e.g. a user name. */
  private static final String ANY = "*";

  Route {
    Objects.requireNonNull(template, "template must not be null");
    Objects.requireNonNull(endpoint, "endpoint must not be null");
    if (!template.startsWith("/" + TENANT + "/")) {
      throw new IllegalArgumentException(
          "route template must start with /{tenant}/, was '" + template + "'");
    }
  }

  boolean matches(String path) {
    return tenantSegmentOf(path).isPresent();
  }

  /** The tenant segment of {@code path} if the path matches this route. */
  Optional<String> tenantSegmentOf(String path) {
    List<String> expected = segments(template);
    List<String> actual = segments(path);
    if (expected.size() != actual.size() || actual.get(0).isEmpty()) {
      return Optional.empty();
    }
    for (int i = 1; i < expected.size(); i++) {
      if (!ANY.equals(expected.get(i)) && !expected.get(i).equalsIgnoreCase(actual.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(actual.get(0));
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return List.of(trimmed.split("/", -1));
  }
}
