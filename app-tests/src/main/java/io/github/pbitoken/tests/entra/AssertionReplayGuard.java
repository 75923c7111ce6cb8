package io.github.pbitoken.tests.entra;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers the {@code jti} of every client assertion accepted, so none is accepted twice. */
final class AssertionReplayGuard {
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** True the first time {@code clientId}/{@code jti} is presented, false ever after. */
  boolean firstUse(String clientId, String jti) {
    return seen.add(clientId + "/" + jti);
  }

  void clear() {
    seen.clear();
  }
}
