package io.github.pbitoken.console.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;

/** Says where a value came from, briefly: {@code app.conf:3}, {@code environment variable X}. */
final class Origins {
  private Origins() {}

  static String describe(ConfigOrigin origin) {
    if (origin == null) {
      return "unknown origin";
    }
    if (origin.resource() != null && origin.resource().endsWith("reference.conf")) {
      return "default";
    }
    if (origin.filename() != null) {
      return origin.lineNumber() > 0
          ? origin.filename() + ":" + origin.lineNumber()
          : origin.filename();
    }
    return origin.description();
  }

  /** A Typesafe Config message without the origin it starts with (we print our own). */
  static String withoutOriginPrefix(ConfigException e) {
    String message = e.getMessage();
    int advice = message.indexOf(" (if you intended");
    if (advice > 0) {
      message = message.substring(0, advice);
    }
    if (e.origin() != null) {
      String prefix = e.origin().description() + ": ";
      if (message.startsWith(prefix)) {
        return message.substring(prefix.length());
      }
    }
    return message;
  }
}
