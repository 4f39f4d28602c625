package io.tandem.core.matching.model;

import java.util.List;

/**
 * The proposed pairs (best score first), everyone left without a partner with the reason, and the
 * total score of the pairs.
 */
public record MatchResult(List<MatchedPair> pairs, List<Unmatched> unmatched, double totalScore) {
  public MatchResult {
    pairs = List.copyOf(pairs);
    unmatched = List.copyOf(unmatched);
  }

  public List<Pairing> pairing() {
    return pairs.stream().map(MatchedPair::pairing).toList();
  }
}
