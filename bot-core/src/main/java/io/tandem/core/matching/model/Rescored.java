package io.tandem.core.matching.model;

import java.util.List;

/**
 * A hand-adjusted pairing, scored: the result as {@link Matcher#match} would show it, plus every
 * problem that makes it invalid (broken rules, capacity exceeded, unknown people).
 */
public record Rescored(MatchResult result, List<String> problems) {
  public Rescored {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
