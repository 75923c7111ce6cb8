package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/** What an endpoint answers: status, body and any headers beyond the ones every answer carries. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";

  Reply {
    Objects.requireNonNull(contentType, "contentType must not be null");
    Objects.requireNonNull(body, "body must not be null");
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, JsonNode body, Map<String, String> headers) {
    return new Reply(status, JSON, Json.write(body), headers);
  }

  static Reply ok(JsonNode body) {
    return json(200, body, Map.of());
  }
}
