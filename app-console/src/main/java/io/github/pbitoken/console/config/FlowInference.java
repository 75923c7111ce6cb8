package io.github.pbitoken.console.config;

import static io.github.pbitoken.console.config.SettingKey.CLIENT_ASSERTION;
import static io.github.pbitoken.console.config.SettingKey.CLIENT_CERTIFICATE;
import static io.github.pbitoken.console.config.SettingKey.CLIENT_SECRET;
import static io.github.pbitoken.console.config.SettingKey.FEDERATED_TOKEN_FILE;
import static io.github.pbitoken.console.config.SettingKey.FLOW;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.github.pbitoken.console.cli.EffectiveSetting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chooses the flow when {@code flow} is not set, from the credential that is configured, in the
 * order of azure-identity's EnvironmentCredential and DefaultAzureCredential: client secret, client
 * certificate, federated token (workload identity), client assertion, managed identity (a
 * user-assigned identity's id; the system-assigned identity needs {@code flow = managed-identity}).
 * With nothing configured the default is {@code client-secret}, whose missing secret is then
 * reported.
 */
final class FlowInference {
  /** Which key, when set, selects which flow; first match wins. */
  private static final Map<SettingKey, Flow> EVIDENCE = new LinkedHashMap<>();

  static {
    EVIDENCE.put(CLIENT_SECRET, Flow.CLIENT_SECRET);
    EVIDENCE.put(CLIENT_CERTIFICATE, Flow.CLIENT_CERTIFICATE);
    EVIDENCE.put(FEDERATED_TOKEN_FILE, Flow.CLIENT_ASSERTION);
    EVIDENCE.put(CLIENT_ASSERTION, Flow.CLIENT_ASSERTION);
    EVIDENCE.put(SettingKey.MANAGED_IDENTITY_CLIENT_ID, Flow.MANAGED_IDENTITY);
    EVIDENCE.put(SettingKey.MANAGED_IDENTITY_RESOURCE_ID, Flow.MANAGED_IDENTITY);
    EVIDENCE.put(SettingKey.MANAGED_IDENTITY_OBJECT_ID, Flow.MANAGED_IDENTITY);
  }

  /** The chosen flow and why, in words for {@code pbi-token config}. */
  record Choice(Flow flow, String reason) {}

  private FlowInference() {}

  /** The flow to use: the configured one (problems go to {@code read}), else the inferred one. */
  static Flow flow(SettingsReader read, Config config) {
    if (read.isSet(FLOW)) {
      return read.optional(FLOW, (c, p) -> Flow.fromConfigName(c.getString(p)));
    }
    return infer(config).flow();
  }

  /** The {@code pbi-token config} row for {@code flow}, with the reason for the choice. */
  static EffectiveSetting describe(Config config) {
    if (isSet(config, FLOW)) {
      return new EffectiveSetting(
          FLOW.path(),
          config.getValue(FLOW.path()).render(ConfigRenderOptions.concise()),
          "set: " + Origins.describe(config.getValue(FLOW.path()).origin()));
    }
    Choice choice = infer(config);
    return new EffectiveSetting(FLOW.path(), choice.flow().configName(), choice.reason());
  }

  static Choice infer(Config config) {
    for (Map.Entry<SettingKey, Flow> evidence : EVIDENCE.entrySet()) {
      SettingKey key = evidence.getKey();
      if (isSet(config, key)) {
        return new Choice(
            evidence.getValue(),
            "inferred: "
                + key.relativePath()
                + " is set ("
                + Origins.describe(config.getValue(key.path()).origin())
                + ")");
      }
    }
    return new Choice(
        Flow.CLIENT_SECRET, "inferred: no credential is configured, client-secret is the default");
  }

  private static boolean isSet(Config config, SettingKey key) {
    return config.hasPath(key.path())
        && !config.getValue(key.path()).unwrapped().toString().isBlank();
  }
}
