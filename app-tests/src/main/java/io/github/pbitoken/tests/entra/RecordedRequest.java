package io.github.pbitoken.tests.entra;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One request as the emulator received it. Header names are lower case; {@code query} is the raw
 * query string ("" when absent); {@code formParams} holds the decoded form body (first value of
 * each field). {@link #toString()} never shows credentials.
 */
public record RecordedRequest(
    Instant receivedAt,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    Map<String, String> formParams) {

  private static final Set<String> CREDENTIAL_FIELDS =
      Set.of(
          "client_secret",
          "client_assertion",
          "password",
          "refresh_token",
          "code",
          "code_verifier",
          "device_code",
          "assertion");

  public RecordedRequest {
    Objects.requireNonNull(receivedAt, "receivedAt must not be null");
    Objects.requireNonNull(method, "method must not be null");
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(query, "query must not be null");
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    entry -> entry.getKey().toLowerCase(Locale.ROOT),
                    entry -> List.copyOf(entry.getValue()),
                    (first, second) -> first));
    formParams = Map.copyOf(formParams);
  }

  /** The first value of the header, whatever the case of {@code name}. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Optional<String> formParam(String name) {
    return Optional.ofNullable(formParams.get(name));
  }

  @Override
  public String toString() {
    Map<String, String> safeForm =
        formParams.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    entry ->
                        CREDENTIAL_FIELDS.contains(entry.getKey())
                            ? "redacted"
                            : entry.getValue()));
    return "RecordedRequest["
        + method
        + " "
        + path
        + (query.isEmpty() ? "" : "?" + query)
        + ", headers="
        + headers.keySet()
        + ", formParams="
        + safeForm
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
