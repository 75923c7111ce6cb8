package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheMergeTest {
  @Test
  void givenTwoCaches_whenMerged_thenTheUnionWithOursWinningPerKey() throws Exception {
    String theirs =
        "{\"Account\":{\"a\":{\"username\":\"alice\"}},\"RefreshToken\":{\"k\":{\"secret\":\"old\"}}}";
    String ours =
        "{\"Account\":{\"b\":{\"username\":\"bob\",\"n\":1.5,\"x\":[true,null]}},"
            + "\"RefreshToken\":{\"k\":{\"secret\":\"new\"}}}";

    Object merged = Json.parse(CacheMerge.merge(theirs, ours));

    assertEquals(
        Json.parse(
            "{\"Account\":{\"a\":{\"username\":\"alice\"},\"b\":{\"username\":\"bob\",\"n\":1.5,"
                + "\"x\":[true,null]}},\"RefreshToken\":{\"k\":{\"secret\":\"new\"}}}"),
        merged);
  }

  @Test
  void givenNothingStored_whenMerged_thenOurs() throws Exception {
    assertEquals(
        Map.of("Account", Map.of()), Json.parse(CacheMerge.merge(null, "{\"Account\":{}}")));
  }
}
