package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded JSON Web Token, for tests to read claims and check the signature. It doesn't validate
 * times or audiences: assert those explicitly. {@link #toString()} never shows the token.
 */
public final class Jwt {
  private final String signingInput;
  private final byte[] signature;
  private final JsonNode header;
  private final JsonNode claims;

  private Jwt(String signingInput, byte[] signature, JsonNode header, JsonNode claims) {
    this.signingInput = signingInput;
    this.signature = signature;
    this.header = header;
    this.claims = claims;
  }

  /** Decodes a compact JWS ({@code header.payload.signature}, base64url). */
  public static Jwt parse(String compact) {
    Objects.requireNonNull(compact, "token must not be null");
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "token must have three dot-separated parts, had " + parts.length);
    }
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      JsonNode header = Json.read(decoder.decode(parts[0]));
      JsonNode claims = Json.read(decoder.decode(parts[1]));
      if (!header.isObject() || !claims.isObject()) {
        throw new IllegalArgumentException("token header and payload must be JSON objects");
      }
      return new Jwt(parts[0] + "." + parts[1], decoder.decode(parts[2]), header, claims);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token is not a base64url JWS of JSON objects", e);
    }
  }

  public JsonNode header() {
    return header.deepCopy();
  }

  public JsonNode claims() {
    return claims.deepCopy();
  }

  /** The claim as text (numbers as their decimal form), if present. */
  public Optional<String> claim(String name) {
    JsonNode value = claims.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** Whether this is an RS256 token whose signature {@code key} verifies. */
  public boolean isSignedBy(PublicKey key) {
    if (!"RS256".equals(header.path("alg").asText())) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "Jwt[alg="
        + header.path("alg").asText()
        + ", kid="
        + header.path("kid").asText()
        + ", token redacted]";
  }
}
