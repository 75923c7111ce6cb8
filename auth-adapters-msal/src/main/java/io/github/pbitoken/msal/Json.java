package io.github.pbitoken.msal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and string quoter, so the adapter can look at token-endpoint bodies
 * before MSAL does (MSAL4J 1.26.1 loops forever on some of them) without a JSON library.
 *
 * <p>{@link #parse} returns {@code Map<String,Object>} (insertion order), {@code List<Object>},
 * {@code String}, {@link BigDecimal}, {@code Boolean} or {@code null}. It rejects anything that is
 * not one complete JSON value, and nesting deeper than {@value #MAX_DEPTH}. Errors never quote the
 * input: it may hold a token.
 */
final class Json {
  private static final int MAX_DEPTH = 16;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** Thrown for input that is not JSON; the message names the position, never the content. */
  static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedJsonException(String message) {
      super(message);
    }
  }

  /** Parses one JSON value that fills the whole of {@code text} (surrounding blanks allowed). */
  static Object parse(String text) throws MalformedJsonException {
    Json reader = new Json(text);
    reader.skipBlanks();
    Object value = reader.value(0);
    reader.skipBlanks();
    if (reader.pos != text.length()) {
      throw reader.error("unexpected content after the JSON value");
    }
    return value;
  }

  /** {@code value} as a JSON string literal, quotes included. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private Object value(int depth) throws MalformedJsonException {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character");
      }
    };
  }

  private Map<String, Object> object(int depth) throws MalformedJsonException {
    pos++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    skipBlanks();
    if (peek() == '}') {
      pos++;
      return members;
    }
    while (true) {
      skipBlanks();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipBlanks();
      expect(':');
      skipBlanks();
      members.put(name, value(depth + 1));
      skipBlanks();
      char next = peek();
      pos++;
      if (next == '}') {
        return members;
      }
      if (next != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) throws MalformedJsonException {
    pos++; // [
    List<Object> items = new ArrayList<>();
    skipBlanks();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipBlanks();
      items.add(value(depth + 1));
      skipBlanks();
      char next = peek();
      pos++;
      if (next == ']') {
        return Collections.unmodifiableList(items);
      }
      if (next != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() throws MalformedJsonException {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = peek();
      pos++;
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
          }
          pos += 4;
        }
        default -> throw error("invalid escape");
      }
    }
  }

  private BigDecimal number() throws MalformedJsonException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      digits();
    }
    try {
      return new BigDecimal(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("invalid number");
    }
  }

  private void digits() throws MalformedJsonException {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("expected a digit");
    }
  }

  private Object literal(String word, Object value) throws MalformedJsonException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected word");
    }
    pos += word.length();
    return value;
  }

  private void expect(char wanted) throws MalformedJsonException {
    if (peek() != wanted) {
      throw error("expected '" + wanted + "'");
    }
    pos++;
  }

  private char peek() throws MalformedJsonException {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private void skipBlanks() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private MalformedJsonException error(String what) {
    return new MalformedJsonException(what + " at offset " + pos);
  }
}
