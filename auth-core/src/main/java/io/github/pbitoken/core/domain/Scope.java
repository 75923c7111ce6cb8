package io.github.pbitoken.core.domain;

import java.net.URI;
import java.util.Objects;

/**
 * A v2 permission scope: {@code <resource>/<permission>}, e.g. {@code
 * https://analysis.windows.net/powerbi/api/Dataset.ReadWrite.All} or {@code <resource>/.default}.
 */
public record Scope(URI value) {
  private static final String DEFAULT_PERMISSION = ".default";

  public Scope {
    Objects.requireNonNull(value, "scope must not be null");
    if (!value.isAbsolute() || !"https".equals(value.getScheme()) || value.getHost() == null) {
      throw new IllegalArgumentException(
          "scope must be an absolute https URI, was '" + value + "'");
    }
    if (value.getQuery() != null || value.getFragment() != null) {
      throw new IllegalArgumentException(
          "scope must not have a query or fragment, was '" + value + "'");
    }
    String path = value.getPath();
    if (path == null || path.length() < 2 || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "scope must be <resource>/<permission>, e.g. https://analysis.windows.net/powerbi/api/.default, was '"
              + value
              + "'");
    }
  }

  /** Parses a scope string, reporting a malformed one as {@link IllegalArgumentException}. */
  public static Scope of(String value) {
    Objects.requireNonNull(value, "scope must not be null");
    if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "scope must be one URI without spaces, was '" + value + "'");
    }
    try {
      return new Scope(new URI(value));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("scope must be a URI, was '" + value + "'", e);
    }
  }

  /** The resource part, e.g. {@code https://analysis.windows.net/powerbi/api}: the audience. */
  public URI resource() {
    String text = value.toString();
    return URI.create(text.substring(0, text.lastIndexOf('/')));
  }

  /** The permission part, e.g. {@code Dataset.ReadWrite.All} or {@code .default}. */
  public String permission() {
    String text = value.toString();
    return text.substring(text.lastIndexOf('/') + 1);
  }

  /** Whether this is the {@code .default} scope, the only kind app-only flows may ask for. */
  public boolean isDefault() {
    return DEFAULT_PERMISSION.equals(permission());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
