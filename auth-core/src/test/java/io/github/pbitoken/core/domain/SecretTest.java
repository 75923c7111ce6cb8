package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pbitoken.core.testing.TestTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String CANARY = "canary-secret-4f1c2d";

  @Test
  void neverPrintsItsValue() {
    assertEquals("Secret[redacted]", Secret.of(CANARY).toString());
  }

  @Test
  void revealsItsValueOnlyWhenAsked() {
    assertEquals(CANARY, Secret.of(CANARY).reveal());
  }

  @Test
  void comparesByValue() {
    assertEquals(Secret.of(CANARY), Secret.of(CANARY));
    assertNotEquals(Secret.of(CANARY), Secret.of(CANARY + "x"));
  }

  @Test
  void rejectsBlankValuesWithoutEchoingThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Secret.of("  "));
    assertEquals("secret must not be blank", e.getMessage());
    assertThrows(NullPointerException.class, () -> Secret.of(null));
  }

  @Test
  void recordsHoldingSecretsPrintNoSecret() {
    AccessToken token = TestTokens.aValidToken(Instant.parse("2030-01-01T00:00:00Z"));

    String printed = String.valueOf(token);

    assertFalse(printed.contains(token.value().reveal()), printed);
  }
}
