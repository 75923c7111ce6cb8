package io.github.pbitoken.console.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link TokenInspection} for people (text) or programs (JSON). Never the token itself.
 */
final class InspectionReport {
  private static final JsonFactory JSON = new JsonFactory();

  private InspectionReport() {}

  static String text(JwtClaims token, TokenInspection inspection) {
    StringBuilder out =
        new StringBuilder("Token claims (decoded only: the signature is NOT verified)\n");
    line(
        out,
        "audience",
        token.string("aud").orElse("(none)")
            + inspection
                .audienceCloud()
                .map(c -> "  (Power BI, " + c.configName() + " cloud)")
                .orElse("  (not a Power BI resource)"));
    line(out, "issuer", token.string("iss").orElse("(none)"));
    line(out, "tenant", token.string("tid").orElse("(none)"));
    line(out, "app", token.string("appid").or(() -> token.string("azp")).orElse("(none)"));
    line(
        out,
        "user",
        inspection.isAppOnly()
            ? "(none: app-only token)"
            : token.string("upn").or(() -> token.string("unique_name")).orElse("(unknown)"));
    if (inspection.isAppOnly()) {
      line(out, "roles", token.claims().getOrDefault("roles", List.of()).toString());
    } else {
      line(out, "scp", String.join(" ", inspection.scopes()));
    }
    line(
        out,
        "issued",
        token.epochSeconds("iat").map(s -> Instant.ofEpochSecond(s).toString()).orElse("(none)"));
    line(
        out,
        "expires",
        token.epochSeconds("exp").map(s -> Instant.ofEpochSecond(s).toString()).orElse("(none)")
            + inspection.timeLeft().map(d -> "  (" + d.toMinutes() + " min left)").orElse(""));
    out.append("Checks for pushing data to Power BI:\n");
    for (TokenInspection.Check check : inspection.checks()) {
      out.append(
          String.format(
              "  %s %-11s %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail()));
    }
    return out.toString().stripTrailing();
  }

  static String json(JwtClaims token, TokenInspection inspection) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeBooleanField("signatureVerified", false);
      json.writeFieldName("header");
      write(json, token.header());
      json.writeFieldName("claims");
      write(json, token.claims());
      json.writeStringField(
          "cloud", inspection.audienceCloud().map(c -> c.configName()).orElse(null));
      json.writeArrayFieldStart("checks");
      for (TokenInspection.Check check : inspection.checks()) {
        json.writeStartObject();
        json.writeStringField("name", check.name());
        json.writeBooleanField("passed", check.passed());
        json.writeStringField("detail", check.detail());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        write(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        write(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof Number number) {
      json.writeNumber(number.toString());
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value.toString());
    }
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format("  %-9s %s%n", name, value));
  }
}
