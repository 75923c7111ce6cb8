package io.github.pbitoken.console.config;

import java.util.Objects;

/**
 * A value given on the command line, the strongest layer.
 *
 * @param key the setting it overrides
 * @param value a string, or a list of strings for list settings
 * @param option the option it came from, e.g. {@code --tenant}, shown as its origin
 */
public record SettingOverride(SettingKey key, Object value, String option) {
  public SettingOverride {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(option, "option must not be null");
  }
}
