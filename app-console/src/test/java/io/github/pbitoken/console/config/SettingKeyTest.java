package io.github.pbitoken.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SettingKeyTest {

  /** A new key that holds a credential must be masked everywhere; its name gives it away. */
  @ParameterizedTest
  @EnumSource(SettingKey.class)
  void everyKeyThatLooksLikeACredentialIsSecret(SettingKey key) {
    String name = key.relativePath();
    boolean looksSecret =
        name.contains("password") || name.contains("secret") || name.equals("client-assertion");
    assertEquals(looksSecret, key.isSecret(), key.path());
  }

  @Test
  void environmentVariableNamesAreUnique() {
    Set<String> names =
        Arrays.stream(SettingKey.values())
            .map(SettingKey::environmentVariable)
            .collect(Collectors.toSet());
    assertTrue(names.size() == SettingKey.values().length, names.toString());
  }
}
