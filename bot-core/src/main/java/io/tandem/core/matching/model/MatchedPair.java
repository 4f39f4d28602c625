package io.tandem.core.matching.model;

import java.util.List;
import java.util.Map;

/**
 * A pair in a match result.
 *
 * @param score the pair's score in points (rounded to 1/1000 point)
 * @param contributions each component's weighted points
 * @param reasons the top reasons (up to three), in plain words, largest contribution first
 */
public record MatchedPair(
    Candidate mentor,
    Candidate mentee,
    double score,
    Map<ScoreComponent, Double> contributions,
    List<String> reasons) {
  public MatchedPair {
    contributions = Map.copyOf(contributions);
    reasons = List.copyOf(reasons);
  }

  public Pairing pairing() {
    return new Pairing(mentor.id(), mentee.id());
  }
}
