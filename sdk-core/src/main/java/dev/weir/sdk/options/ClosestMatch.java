package dev.weir.sdk.options;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds, among known names, the one a user most likely meant when they typed an unknown name.
 *
 * <p>Names are compared case-insensitively by Levenshtein edit distance. A candidate only counts
 * as a suggestion when it is close enough to be a plausible typo: at most a third of its length
 * in edits (and at least two are always allowed). Ties go to the candidate seen first. Stateless.
 */
final class ClosestMatch {

  private ClosestMatch() {}

  /** The candidate closest to {@code typed}, if any is close enough; candidates may repeat. */
  static Optional<String> among(Iterable<String> candidates, String typed) {
    String needle = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance && distance <= allowedEdits(candidate)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int allowedEdits(String candidate) {
    return Math.max(2, candidate.length() / 3);
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
