package io.tandem.core.matching.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the matcher thinks about one mentor–mentee pair.
 *
 * @param brokenRules the hard rules the pair breaks; empty when the pair is allowed
 * @param ruleProblems the broken rules in plain words
 * @param score the score in points, as if the pair were allowed
 * @param contributions each component's weighted points
 * @param reasons the top reasons (up to three), largest contribution first
 */
public record PairEvaluation(
    Candidate mentor,
    Candidate mentee,
    Set<HardRule> brokenRules,
    List<String> ruleProblems,
    double score,
    Map<ScoreComponent, Double> contributions,
    List<String> reasons) {

  public PairEvaluation {
    brokenRules = Set.copyOf(brokenRules);
    ruleProblems = List.copyOf(ruleProblems);
    contributions = Map.copyOf(contributions);
    reasons = List.copyOf(reasons);
  }

  public boolean allowed() {
    return brokenRules.isEmpty();
  }
}
