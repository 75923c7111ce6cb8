package io.github.pbitoken.msal;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stands between MSAL and the network, and lets through only token-endpoint responses that MSAL4J
 * 1.26.1 handles safely (MSAL4J-FACTS.md):
 *
 * <ul>
 *   <li>a 200 whose body is a flat JSON object with a non-blank {@code access_token} and whole
 *       numbers for {@code expires_in}, {@code ext_expires_in} and {@code refresh_in}. Anything
 *       else (empty body, HTML, a JSON array anywhere, no token, a fractional lifetime) would make
 *       MSAL throw a raw {@code NullPointerException}, loop forever at 100% CPU, or "succeed" with
 *       a null token; it becomes an error response with the error {@value #MALFORMED_RESPONSE} and
 *       a description saying what was wrong, which MSAL reports as a normal service exception;
 *   <li>an error (any other status) is re-rendered as a canonical Entra ID error object with the
 *       fields MSAL reads ({@code error}, {@code error_description}, {@code error_codes}, {@code
 *       correlation_id}, {@code suberror}, {@code claims}, ...). A body that is not an Entra error
 *       (an HTML 503 page, an empty 429) gets the error {@value #HTTP_ERROR}, so MSAL still keeps
 *       the status code, which it drops otherwise. The description starts with {@code AADSTS<code>}
 *       taken from {@code error_codes}: MSAL exposes the description but not the codes. The raw
 *       body never reaches MSAL's exception messages.
 * </ul>
 *
 * Headers ({@code Retry-After}, {@code client-request-id}) pass through untouched, and so does
 * every response from other endpoints.
 */
final class TokenEndpointGuard implements IHttpClient {
  /** The OAuth error the guard reports for an unusable 200 token response. */
  static final String MALFORMED_RESPONSE = "pbi_token_malformed_response";

  /** The OAuth error the guard reports for an error status without an Entra ID error body. */
  static final String HTTP_ERROR = "pbi_token_http_error";

  private static final String RESERVED_PREFIX = "pbi_token_";

  /** The status a rejected 200 is reported with: the upstream answer was invalid. */
  static final int BAD_GATEWAY = 502;

  private static final List<String> STRING_ERROR_FIELDS =
      List.of("correlation_id", "trace_id", "timestamp", "suberror", "claims", "error_uri");
  private static final List<String> WHOLE_NUMBER_FIELDS =
      List.of("expires_in", "ext_expires_in", "refresh_in");
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  /** A week: far beyond any Entra ID access token (at most about 28 hours with CAE). */
  private static final BigDecimal MAX_PLAUSIBLE_LIFETIME_SECONDS =
      BigDecimal.valueOf(7 * 24 * 3600);

  private final IHttpClient delegate;

  TokenEndpointGuard(IHttpClient delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
  }

  @Override
  public IHttpResponse send(HttpRequest request) throws Exception {
    IHttpResponse response = delegate.send(request);
    if (response == null) {
      throw new IOException("the HTTP client returned no response");
    }
    if (!isTokenEndpoint(request)) {
      return response;
    }
    if (response.statusCode() == 200) {
      String problem = problemWithSuccess(response.body());
      return problem == null ? response : malformed(response, problem);
    }
    return canonicalError(response);
  }

  private static boolean isTokenEndpoint(HttpRequest request) {
    String path = request.url() == null ? null : request.url().getPath();
    return path != null && (path.endsWith("/oauth2/v2.0/token") || path.endsWith("/oauth2/token"));
  }

  /** What is wrong with a 200 token response, or {@code null} if MSAL can safely read it. */
  static String problemWithSuccess(String body) {
    if (body == null || body.isBlank()) {
      return "the token response was empty";
    }
    Object parsed;
    try {
      parsed = Json.parse(body);
    } catch (Json.MalformedJsonException e) {
      return "the token response is not JSON (" + e.getMessage() + ")";
    }
    if (!(parsed instanceof Map<?, ?> members)) {
      return "the token response is not a JSON object";
    }
    for (Map.Entry<?, ?> member : members.entrySet()) {
      if (member.getValue() instanceof List<?>) {
        return "the token response holds a JSON array (in '" + member.getKey() + "')";
      }
      if (member.getValue() instanceof Map<?, ?>) {
        return "the token response holds a nested JSON object (in '" + member.getKey() + "')";
      }
    }
    if (!(members.get("access_token") instanceof String token) || token.isBlank()) {
      return "the token response has no access_token";
    }
    if (!members.containsKey("expires_in")) {
      return "the token response has no expires_in";
    }
    for (String field : WHOLE_NUMBER_FIELDS) {
      if (members.containsKey(field) && !isWholeNumber(members.get(field))) {
        return "the token response's " + field + " is not a whole number of seconds";
      }
    }
    BigDecimal expiresIn = new BigDecimal(String.valueOf(members.get("expires_in")));
    if (expiresIn.compareTo(MAX_PLAUSIBLE_LIFETIME_SECONDS) > 0) {
      return "the token response's expires_in of "
          + expiresIn.toPlainString()
          + " s is not plausible (Entra ID tokens live for minutes to about a day)";
    }
    return null;
  }

  private static boolean isWholeNumber(Object value) {
    if (value instanceof BigDecimal number) {
      return number.signum() >= 0 && number.scale() <= 0 && number.compareTo(MAX_LONG) <= 0;
    }
    if (value instanceof String text) {
      return !text.isEmpty() && text.length() < 19 && text.chars().allMatch(Character::isDigit);
    }
    return false;
  }

  private static IHttpResponse malformed(IHttpResponse original, String problem) {
    String body =
        "{\"error\":"
            + Json.quote(MALFORMED_RESPONSE)
            + ",\"error_description\":"
            + Json.quote(problem)
            + "}";
    return copy(original, BAD_GATEWAY, body);
  }

  private static IHttpResponse canonicalError(IHttpResponse original) {
    Map<?, ?> members = Map.of();
    try {
      if (original.body() != null && Json.parse(original.body()) instanceof Map<?, ?> object) {
        members = object;
      }
    } catch (Json.MalformedJsonException notJson) {
      // not an Entra ID error: described by its status alone
    }
    String error = nonBlankString(members.get("error"));
    if (error != null && error.startsWith(RESERVED_PREFIX)) {
      error = null; // the guard's own error names are not for the network to use
    }
    String description = nonBlankString(members.get("error_description"));
    List<Long> codes = errorCodes(members.get("error_codes"));
    if (error == null) {
      error = HTTP_ERROR;
    }
    if (description == null) {
      description = "HTTP " + original.statusCode() + " from the identity provider";
    }
    if (!codes.isEmpty() && !description.startsWith("AADSTS" + codes.get(0))) {
      description = "AADSTS" + codes.get(0) + ": " + description;
    }
    StringBuilder body = new StringBuilder("{\"error\":").append(Json.quote(error));
    body.append(",\"error_description\":").append(Json.quote(description));
    if (!codes.isEmpty()) {
      body.append(",\"error_codes\":").append(codes.toString().replace(" ", ""));
    }
    for (String field : STRING_ERROR_FIELDS) {
      String value = nonBlankString(members.get(field));
      if (value != null) {
        body.append(',').append(Json.quote(field)).append(':').append(Json.quote(value));
      }
    }
    return copy(original, original.statusCode(), body.append('}').toString());
  }

  private static List<Long> errorCodes(Object value) {
    List<Long> codes = new ArrayList<>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof BigDecimal number && number.scale() <= 0 && number.signum() > 0) {
          try {
            codes.add(number.longValueExact());
          } catch (ArithmeticException tooLarge) {
            // not an AADSTS code
          }
        }
      }
    }
    return codes;
  }

  private static String nonBlankString(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  private static IHttpResponse copy(IHttpResponse original, int status, String body) {
    HttpResponse copy = new HttpResponse().statusCode(status).body(body);
    Map<String, List<String>> headers = new HashMap<>();
    if (original.headers() != null) {
      original
          .headers()
          .forEach(
              (name, values) -> {
                if (name != null && values != null) {
                  headers.put(name, values);
                }
              });
    }
    copy.addHeaders(headers);
    return copy;
  }
}
