package io.github.pbitoken.tests.entra;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request on its way through an endpoint: what was received, the tenant segment of the path, and
 * the ids every answer carries ({@code x-ms-request-id} is the trace id; the correlation id is the
 * client's {@code client-request-id}, or a new one).
 */
record EntraRequest(
    RecordedRequest received,
    String tenantSegment,
    String traceId,
    String correlationId,
    URI baseUri) {

  EntraRequest {
    Objects.requireNonNull(received, "received must not be null");
    Objects.requireNonNull(tenantSegment, "tenantSegment must not be null");
    Objects.requireNonNull(traceId, "traceId must not be null");
    Objects.requireNonNull(correlationId, "correlationId must not be null");
    Objects.requireNonNull(baseUri, "baseUri must not be null");
  }

  Instant receivedAt() {
    return received.receivedAt();
  }

  /** A form field, treating an empty value as absent as Entra ID does. */
  Optional<String> formParam(String name) {
    return received.formParam(name).filter(value -> !value.isEmpty());
  }

  Optional<String> queryParam(String name) {
    return Optional.ofNullable(FormData.parse(received.query()).get(name))
        .filter(value -> !value.isEmpty());
  }
}
