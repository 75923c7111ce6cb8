package io.github.pbitoken.console.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads typed values and collects every problem instead of stopping at the first, so the user fixes
 * the whole file in one go. A problem names the key, where its value came from and what was
 * expected, and never shows the value of a secret key.
 */
final class SettingsReader {
  /** Reads one value; may throw {@link ConfigException} or {@link IllegalArgumentException}. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(Config config, String path);
  }

  private final Config config;
  private final List<String> problems;

  SettingsReader(Config config, List<String> problems) {
    this.config = config;
    this.problems = problems;
  }

  boolean isSet(SettingKey key) {
    return config.hasPath(key.path())
        && !config.getValue(key.path()).unwrapped().toString().isBlank();
  }

  /** The value, or {@code null} when unset, blank or invalid (then a problem was recorded). */
  <T> T optional(SettingKey key, Parser<T> parser) {
    return isSet(key) ? parse(key, parser) : null;
  }

  /**
   * For keys whose default is a value, not "none": a blank value is handed to the parser, which
   * reports it like any other wrong value.
   */
  <T> T defaulted(SettingKey key, Parser<T> parser) {
    return config.hasPath(key.path()) ? parse(key, parser) : null;
  }

  private <T> T parse(SettingKey key, Parser<T> parser) {
    try {
      return parser.parse(config, key.path());
    } catch (ConfigException e) {
      problem(key, Origins.withoutOriginPrefix(e).replace(key.path() + " ", "value "));
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
    }
    return null;
  }

  /** Like {@link #optional}, but a missing value is a problem that says what to set. */
  <T> T required(SettingKey key, Parser<T> parser, String what) {
    if (!isSet(key)) {
      problems.add(
          key.path()
              + " (not set): required: "
              + what
              + "; set it in the --config file, or with "
              + variablesOf(key));
      return null;
    }
    return optional(key, parser);
  }

  void problem(SettingKey key, String message) {
    String origin =
        config.hasPath(key.path())
            ? Origins.describe(config.getValue(key.path()).origin())
            : "not set";
    String shown = key.isSecret() ? withoutSecret(key, message) : message;
    problems.add(key.path() + " (" + origin + "): " + shown);
  }

  /**
   * A secret key's problem as written, with the value masked wherever it appears; a value too short
   * to mask reliably gives a generic message instead.
   */
  private String withoutSecret(SettingKey key, String message) {
    if (!config.hasPath(key.path())) {
      return message;
    }
    ConfigValue configured = config.getValue(key.path());
    if (configured.valueType() != ConfigValueType.STRING) {
      return "must be a string, was "
          + configured.valueType().name().toLowerCase(Locale.ROOT)
          + " (the value is not shown)";
    }
    String raw = (String) configured.unwrapped();
    String value = raw.trim();
    if (value.length() < 8) {
      return value.isEmpty() || !message.contains(value)
          ? message
          : "not a valid secret value (the value is not shown)";
    }
    return message.replace(raw, "****").replace(value, "****");
  }

  static Parser<String> string() {
    return (config, path) -> config.getString(path).trim();
  }

  static Parser<Duration> positiveDuration() {
    return (config, path) -> {
      Duration value = durationWithUnit(config, path);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(
            "must be a positive duration such as 30s, was " + readable(value));
      }
      return value;
    };
  }

  static Parser<Duration> nonNegativeDuration() {
    return (config, path) -> {
      Duration value = durationWithUnit(config, path);
      if (value.isNegative()) {
        throw new IllegalArgumentException(
            "must not be negative, was " + readable(value) + "; write e.g. 5m or 0s");
      }
      return value;
    };
  }

  /** A bare number would silently mean milliseconds in HOCON: a unit is required. */
  private static Duration durationWithUnit(Config config, String path) {
    ConfigValue value = config.getValue(path);
    if (value.valueType() == ConfigValueType.NUMBER
        || String.valueOf(value.unwrapped()).trim().matches("[-+]?[0-9.]+")) {
      throw new IllegalArgumentException(
          "a duration needs a unit, such as 30s, 2m or 500ms (a bare number would mean"
              + " milliseconds)");
    }
    return config.getDuration(path);
  }

  /** {@code -5s} rather than Java's {@code PT-5S}. */
  private static String readable(Duration value) {
    return value.toMillis() % 1000 == 0 ? value.toSeconds() + "s" : value.toMillis() + "ms";
  }

  static Parser<List<String>> stringList() {
    return (config, path) -> new ArrayList<>(config.getStringList(path));
  }

  private static String variablesOf(SettingKey key) {
    List<String> names = new ArrayList<>();
    names.add(key.environmentVariable());
    names.addAll(key.azureSdkVariables());
    return String.join(" or ", names);
  }
}
