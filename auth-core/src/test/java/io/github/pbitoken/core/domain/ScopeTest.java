package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

  @Test
  void splitsIntoResourceAndPermission() {
    Scope scope = Scope.of("https://analysis.windows.net/powerbi/api/Dataset.ReadWrite.All");

    assertEquals(URI.create("https://analysis.windows.net/powerbi/api"), scope.resource());
    assertEquals("Dataset.ReadWrite.All", scope.permission());
    assertFalse(scope.isDefault());
  }

  @Test
  void recognisesTheDefaultScope() {
    assertTrue(Scope.of("https://analysis.windows.net/powerbi/api/.default").isDefault());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "Dataset.ReadWrite.All",
        "http://analysis.windows.net/powerbi/api/.default",
        "https://analysis.windows.net",
        "https://analysis.windows.net/",
        "https://analysis.windows.net/powerbi/api/",
        "https://analysis.windows.net/powerbi/api/.default?x=1",
        "https://analysis.windows.net/powerbi/api/.default#frag",
        "https://analysis.windows.net/powerbi/api/a b",
        "https://analysis.windows.net/powerbi/api/.default https://graph.microsoft.com/.default",
        "urn:powerbi:.default"
      })
  void rejectsAnythingButAnHttpsResourceAndPermission(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scope.of(text));
    assertTrue(e.getMessage().startsWith("scope must"), e.getMessage());
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> new Scope(null));
    assertThrows(NullPointerException.class, () -> Scope.of(null));
  }

  @Test
  void printsAsItsUri() {
    String text = "https://analysis.windows.net/powerbi/api/.default";
    assertEquals(text, Scope.of(text).toString());
  }
}
