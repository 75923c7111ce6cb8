package io.github.pbitoken.msal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges two serialized MSAL caches when another process saved between our read and our write: the
 * union of each section ({@code AccessToken}, {@code RefreshToken}, {@code Account}, ...), our
 * entries winning on the same key. Nobody's sign-in is lost.
 */
final class CacheMerge {
  private CacheMerge() {}

  static String merge(String theirs, String ours) {
    Map<String, Object> merged = new LinkedHashMap<>(objectOrEmpty(theirs));
    for (Map.Entry<String, Object> section : objectOrEmpty(ours).entrySet()) {
      Object existing = merged.get(section.getKey());
      if (existing instanceof Map<?, ?> theirEntries
          && section.getValue() instanceof Map<?, ?> ourEntries) {
        Map<Object, Object> union = new LinkedHashMap<>(theirEntries);
        union.putAll(ourEntries);
        merged.put(section.getKey(), union);
      } else {
        merged.put(section.getKey(), section.getValue());
      }
    }
    StringBuilder out = new StringBuilder();
    write(merged, out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectOrEmpty(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      Object value = Json.parse(json);
      return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    } catch (Json.MalformedJsonException malformed) {
      return Map.of();
    }
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ",").append(Json.quote(String.valueOf(entry.getKey()))).append(':');
        write(entry.getValue(), out);
        first = false;
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String text) {
      out.append(Json.quote(text));
    } else if (value instanceof BigDecimal number) {
      out.append(number.toPlainString());
    } else {
      out.append(value);
    }
  }
}
