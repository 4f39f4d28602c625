package io.tandem.core.matching.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A candidate prepared for fast comparisons: lower-cased keys, availability in UTC. */
final class MatchProfile {
  final Candidate candidate;
  final Map<String, String> offered;
  final Map<String, String> wanted;
  final String department;
  final String generation;
  final long[] utcHours;

  MatchProfile(Candidate candidate, Instant now) {
    this.candidate = candidate;
    this.offered = keyed(candidate.skillsOffered());
    this.wanted = keyed(candidate.skillsWanted());
    this.department = candidate.department().toLowerCase(Locale.ROOT);
    this.generation = candidate.generation().toLowerCase(Locale.ROOT);
    int offsetSeconds = candidate.zone().getRules().getOffset(now).getTotalSeconds();
    this.utcHours = candidate.availability().inUtc(Math.floorDiv(offsetSeconds + 1800, 3600));
  }

  private static Map<String, String> keyed(Set<String> skills) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String skill : skills) {
      map.putIfAbsent(skill.toLowerCase(Locale.ROOT), skill);
    }
    return map;
  }
}
