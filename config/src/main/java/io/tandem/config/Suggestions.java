package io.tandem.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …" for misspelt keys, by edit distance. */
final class Suggestions {

  private Suggestions() {}

  /** The closest candidate within a third of the word's length (at least 1, at most 3) edits. */
  static Optional<String> closest(String word, Collection<String> candidates) {
    String lower = Text.lower(word);
    int allowed = Math.max(1, Math.min(3, lower.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = EditDistance.between(lower, candidate);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }
}
