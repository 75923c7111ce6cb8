package io.github.pbitoken.console.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stacks the configuration layers, weakest first: {@code reference.conf}, the config file ({@code
 * --config} or {@code -Dconfig.file}), environment variables, command-line options. Each value
 * keeps its origin (file:line, environment variable, option) for messages and {@code pbi-token
 * config}.
 */
final class ConfigLayers {
  /** Read by the launcher script (bin/pbi-token), not settings: never reported as unknown. */
  private static final Set<String> LAUNCHER_VARIABLES =
      Set.of("PBI_TOKEN_JAVA_OPTS", "PBI_TOKEN_CDS", "PBI_TOKEN_CDS_DIR");

  private ConfigLayers() {}

  static Config stack(
      Path configFile,
      Map<String, String> env,
      List<SettingOverride> overrides,
      List<String> problems)
      throws InvalidSettingsException {
    Config layered =
        options(overrides)
            .withFallback(environment(env, problems))
            .withFallback(file(configFile))
            .withFallback(reference());
    try {
      return layered.resolve();
    } catch (ConfigException e) {
      problems.add(Origins.withoutOriginPrefix(e) + " (" + Origins.describe(e.origin()) + ")");
      return reference();
    }
  }

  /**
   * Every {@code reference.conf} on the class path, without the system-property overlay of {@code
   * ConfigFactory.defaultReference()}: JVM properties are not a configuration layer here.
   */
  static Config reference() {
    return ConfigFactory.parseResources(ConfigLayers.class.getClassLoader(), "reference.conf");
  }

  /** The config file named by {@code --config}, else by {@code -Dconfig.file}, else none. */
  static Path chosenFile(Path configFile) {
    if (configFile != null) {
      return configFile;
    }
    String property = System.getProperty("config.file");
    return property == null || property.isBlank() ? null : Path.of(property);
  }

  /** A file that cannot be read or parsed stops here: every other problem would be noise. */
  private static Config file(Path configFile) throws InvalidSettingsException {
    Path file = chosenFile(configFile);
    if (file == null) {
      return ConfigFactory.empty();
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidSettingsException(
          "--config "
              + file
              + ": no readable file there; give the path of a HOCON file (see app-console/examples)");
    }
    try {
      // absolute, so that include "sibling.conf" is found next to the file, wherever we run from
      return ConfigFactory.parseFile(
          file.toAbsolutePath().toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new InvalidSettingsException(
          Origins.describe(e.origin()) + ": not valid HOCON: " + Origins.withoutOriginPrefix(e));
    }
  }

  private static Config environment(Map<String, String> env, List<String> problems) {
    Config config = ConfigFactory.empty();
    for (SettingKey key : SettingKey.values()) {
      for (String name : key.azureSdkVariables()) {
        config = withVariable(config, key, name, env.get(name));
      }
      config =
          withVariable(config, key, key.environmentVariable(), env.get(key.environmentVariable()));
    }
    env.keySet().stream()
        .filter(name -> name.startsWith("PBI_TOKEN_"))
        .filter(name -> !LAUNCHER_VARIABLES.contains(name))
        .filter(
            name ->
                Arrays.stream(SettingKey.values())
                    .noneMatch(k -> k.environmentVariable().equals(name)))
        .sorted()
        .forEach(
            name ->
                problems.add(
                    "environment variable "
                        + name
                        + ": not a pbi-token setting"
                        + DidYouMean.suggest(
                            name,
                            Arrays.stream(SettingKey.values())
                                .map(SettingKey::environmentVariable)
                                .toList())));
    return config;
  }

  private static Config withVariable(Config config, SettingKey key, String name, String value) {
    if (value == null || value.isBlank()) {
      return config;
    }
    Object typed = key == SettingKey.SCOPES ? List.of(value.trim().split("[,\\s]+")) : value.trim();
    return config.withValue(
        key.path(), ConfigValueFactory.fromAnyRef(typed, "environment variable " + name));
  }

  private static Config options(List<SettingOverride> overrides) {
    Config config = ConfigFactory.empty();
    for (SettingOverride override : overrides) {
      config =
          config.withValue(
              override.key().path(),
              ConfigValueFactory.fromAnyRef(override.value(), "option " + override.option()));
    }
    return config;
  }
}
