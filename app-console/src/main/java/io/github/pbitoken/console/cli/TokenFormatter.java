package io.github.pbitoken.console.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Scope;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/** Renders a token in each {@link OutputFormat} that puts it on stdout. */
final class TokenFormatter {
  /** Made on first use: the other formats, the common case in scripts, need neither. */
  private static final class JsonParts {
    /** The Azure CLI's {@code expiresOn}: local time, microseconds, no zone. */
    static final DateTimeFormatter AZURE_CLI_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    static final JsonFactory JSON = new JsonFactory();
  }

  private final Clock clock;

  /** {@code clock}'s zone is the local time of {@code expiresOn} in JSON, asked for only there. */
  TokenFormatter(Clock clock) {
    this.clock = clock;
  }

  String format(AccessToken token, OutputFormat format) {
    return switch (format) {
      case TOKEN -> token.value().reveal();
      case HEADER -> "Authorization: Bearer " + token.value().reveal();
      case ENV -> env(token);
      case JSON -> json(token);
      case NONE -> throw new IllegalArgumentException("output none prints nothing on stdout");
    };
  }

  private static String env(AccessToken token) {
    return "export POWERBI_ACCESS_TOKEN='"
        + token.value().reveal()
        + "'"
        + System.lineSeparator()
        + "export POWERBI_ACCESS_TOKEN_EXPIRES_ON="
        + token.expiresOn().getEpochSecond();
  }

  private String json(AccessToken token) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JsonParts.JSON.createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("accessToken", token.value().reveal());
      json.writeStringField(
          "expiresOn", JsonParts.AZURE_CLI_TIME.format(token.expiresOn().atZone(clock.getZone())));
      json.writeNumberField("expires_on", token.expiresOn().getEpochSecond());
      json.writeStringField("tokenType", "Bearer");
      json.writeStringField("tenant", token.tenant().value());
      json.writeArrayFieldStart("scopes");
      for (String scope : token.scopes().stream().map(Scope::toString).sorted().toList()) {
        json.writeString(scope);
      }
      json.writeEndArray();
      if (token.account() == null) {
        json.writeNullField("account");
      } else {
        json.writeStringField("account", token.account().username());
      }
      json.writeStringField("source", token.source().name().toLowerCase(java.util.Locale.ROOT));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the token as JSON", e);
    }
    return text.toString();
  }
}
