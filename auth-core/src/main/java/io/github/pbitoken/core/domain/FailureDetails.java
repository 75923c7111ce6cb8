package io.github.pbitoken.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the identity provider said about a failure: safe to show, useful for support.
 *
 * @param error the OAuth {@code error} code, e.g. {@code invalid_client}, or {@code null}
 * @param aadstsCodes the Entra ID error numbers, e.g. {@code 7000215}; react to these, never to the
 *     description text
 * @param correlationId the Entra ID correlation id, or {@code null}
 * @param fixHint one line telling the user what to change, or {@code null}
 */
public record FailureDetails(
    String error, List<Integer> aadstsCodes, String correlationId, String fixHint) {
  public static final FailureDetails NONE = new FailureDetails(null, List.of(), null, null);

  public FailureDetails {
    aadstsCodes = List.copyOf(Objects.requireNonNull(aadstsCodes, "aadstsCodes must not be null"));
  }

  /** Details that only carry a fix hint. */
  public static FailureDetails hint(String fixHint) {
    return new FailureDetails(null, List.of(), null, fixHint);
  }

  public Optional<String> errorCode() {
    return Optional.ofNullable(error);
  }

  public Optional<String> correlation() {
    return Optional.ofNullable(correlationId);
  }

  public Optional<String> hint() {
    return Optional.ofNullable(fixHint);
  }

  /** Whether the identity provider reported AADSTS {@code code}. */
  public boolean hasCode(int code) {
    return aadstsCodes.contains(code);
  }
}
