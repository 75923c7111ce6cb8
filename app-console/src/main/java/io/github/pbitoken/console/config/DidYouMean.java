package io.github.pbitoken.console.config;

import java.util.Collection;
import java.util.Comparator;

/** Suggests the closest known name for a misspelt one. */
final class DidYouMean {
  private DidYouMean() {}

  /** {@code "; did you mean 'x'?"}, or an empty string when nothing is close. */
  static String suggest(String unknown, Collection<String> known) {
    return known.stream()
        .min(Comparator.comparingInt(candidate -> distance(unknown, candidate)))
        .filter(best -> distance(unknown, best) <= Math.max(2, best.length() / 3))
        .map(best -> "; did you mean '" + best + "'?")
        .orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
