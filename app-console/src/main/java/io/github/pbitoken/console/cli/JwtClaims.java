package io.github.pbitoken.console.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header and claims of a JWT, decoded but NOT verified: good for looking, never for trusting.
 * Values are strings, numbers, booleans, lists of those, or nested maps.
 */
record JwtClaims(Map<String, Object> header, Map<String, Object> claims) {
  /** Longest token accepted: real Power BI tokens are 1 to 4 KiB. */
  static final int MAX_LENGTH = 64 * 1024;

  private static final JsonFactory JSON = new JsonFactory();

  /** Thrown for input that is not a decodable JWT; the message never quotes the input. */
  static final class NotAJwtException extends Exception {
    private static final long serialVersionUID = 1L;

    NotAJwtException(String message) {
      super(message);
    }
  }

  static JwtClaims decode(String token) throws NotAJwtException {
    String text = token == null ? "" : token.strip();
    if (text.startsWith("Bearer ")) {
      text = text.substring("Bearer ".length()).strip();
    }
    if (text.isEmpty()) {
      throw new NotAJwtException("no token given");
    }
    if (text.length() > MAX_LENGTH) {
      throw new NotAJwtException(
          "the input is " + text.length() + " characters; a JWT is at most " + MAX_LENGTH);
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      throw new NotAJwtException(
          "not a JWT: expected three base64url parts separated by dots, found " + parts.length);
    }
    return new JwtClaims(object(parts[0], "header"), object(parts[1], "payload"));
  }

  Optional<String> string(String name) {
    Object value = claims.get(name);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  Optional<Long> epochSeconds(String name) {
    return claims.get(name) instanceof Number number
        ? Optional.of(number.longValue())
        : Optional.empty();
  }

  private static Map<String, Object> object(String part, String what) throws NotAJwtException {
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new NotAJwtException("not a JWT: the " + what + " is not base64url");
    }
    try (JsonParser parser = JSON.createParser(new String(json, StandardCharsets.UTF_8))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new NotAJwtException("not a JWT: the " + what + " is not a JSON object");
      }
      return readObject(parser);
    } catch (IOException e) {
      throw new NotAJwtException("not a JWT: the " + what + " is not valid JSON");
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> members = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      members.put(name, readValue(parser));
    }
    return members;
  }

  private static Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return readObject(parser);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(readValue(parser));
      }
      return items;
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getNumberValue();
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return parser.getBooleanValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return parser.getText();
  }
}
