package io.tandem.core.matching.model;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A pair's score, component by component, and the reasons it gives in words. */
final class PairScore {

  private static final int MAX_REASONS = 3;
  private static final int MAX_SKILLS_NAMED = 3;

  /** The generation mix of a pair where a career start is unknown. */
  static final double NEUTRAL = 0.5;

  private static final DateTimeFormatter ROUND_DATE =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private PairScore() {}

  static long scoreMillis(MatchProfile mentor, MatchProfile mentee, MatchSettings settings) {
    double total = 0;
    for (Map.Entry<ScoreComponent, Double> e : contributions(mentor, mentee, settings).entrySet()) {
      total += e.getValue();
    }
    return Math.round(total * 1000);
  }

  static Map<ScoreComponent, Double> contributions(
      MatchProfile mentor, MatchProfile mentee, MatchSettings settings) {
    Map<ScoreComponent, Double> values = new EnumMap<>(ScoreComponent.class);
    values.put(ScoreComponent.TEACHES_WANTED, coverage(mentor.offered, mentee.wanted).size() * 1.0);
    values.put(ScoreComponent.LEARNS_BACK, coverage(mentee.offered, mentor.wanted).size() * 1.0);
    values.put(
        ScoreComponent.COMMUNICATION,
        mentor.candidate.communication().compatibility(mentee.candidate.communication()));
    values.put(
        ScoreComponent.AVAILABILITY,
        Math.min(sharedHours(mentor, mentee), Matcher.FULL_OVERLAP_HOURS)
            / (double) Matcher.FULL_OVERLAP_HOURS);
    values.put(
        ScoreComponent.CROSS_DEPARTMENT, differs(mentor.department, mentee.department) ? 1.0 : 0);
    values.put(
        ScoreComponent.CROSS_GENERATION, generationMix(mentor.generation, mentee.generation));
    // normalise the two skill counts into shares of what is wanted
    values.put(
        ScoreComponent.TEACHES_WANTED,
        share(values.get(ScoreComponent.TEACHES_WANTED), mentee.wanted.size()));
    values.put(
        ScoreComponent.LEARNS_BACK,
        share(values.get(ScoreComponent.LEARNS_BACK), mentor.wanted.size()));
    Map<ScoreComponent, Double> weighted = new EnumMap<>(ScoreComponent.class);
    values.forEach(
        (component, value) -> weighted.put(component, settings.weight(component) * value));
    return weighted;
  }

  private static double share(double count, int of) {
    return of == 0 ? 0 : count / of;
  }

  /**
   * 1 for different generations, 0 for the same, and {@value #NEUTRAL} when either person did not
   * say: an unanswered question neither helps nor hurts a pair against one that did answer, and the
   * reasons say it is unknown.
   */
  static double generationMix(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return NEUTRAL;
    }
    return a.equals(b) ? 0 : 1.0;
  }

  private static boolean differs(String a, String b) {
    return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
  }

  /** The offered skills (in the teacher's spelling) that the learner wants. */
  private static List<String> coverage(Map<String, String> offered, Map<String, String> wanted) {
    List<String> covered = new ArrayList<>();
    for (Map.Entry<String, String> skill : offered.entrySet()) {
      if (wanted.containsKey(skill.getKey())) {
        covered.add(skill.getValue());
      }
    }
    return covered;
  }

  private static int sharedHours(MatchProfile a, MatchProfile b) {
    int shared = 0;
    for (int w = 0; w < 3; w++) {
      shared += Long.bitCount(a.utcHours[w] & b.utcHours[w]);
    }
    return shared;
  }

  static MatchedPair pair(MatchProfile mentor, MatchProfile mentee, MatchSettings settings) {
    Map<ScoreComponent, Double> contributions = contributions(mentor, mentee, settings);
    return new MatchedPair(
        mentor.candidate,
        mentee.candidate,
        scoreMillis(mentor, mentee, settings) / 1000.0,
        contributions,
        reasons(mentor, mentee, contributions));
  }

  /**
   * Who of the two goes first because they waited since an earlier round, then the top reasons of
   * the score, then a note when the generation mix counted as neutral because a career start is
   * unknown. No career start is named: it is never shown per person.
   */
  static List<String> reasons(
      MatchProfile mentor, MatchProfile mentee, Map<ScoreComponent, Double> contributions) {
    boolean generationUnknown = mentor.generation.isEmpty() || mentee.generation.isEmpty();
    List<Map.Entry<ScoreComponent, Double>> ranked = new ArrayList<>();
    for (Map.Entry<ScoreComponent, Double> e : contributions.entrySet()) {
      boolean neutral = e.getKey() == ScoreComponent.CROSS_GENERATION && generationUnknown;
      if (e.getValue() > 0 && !neutral) {
        ranked.add(e);
      }
    }
    ranked.sort(
        Map.Entry.<ScoreComponent, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> reasons = new ArrayList<>();
    for (Candidate c : List.of(mentor.candidate, mentee.candidate)) {
      if (c.waiting()) {
        reasons.add(c.name() + " waited since the round of " + ROUND_DATE.format(c.waitingSince()));
      }
    }
    for (Map.Entry<ScoreComponent, Double> e :
        ranked.subList(0, Math.min(MAX_REASONS, ranked.size()))) {
      reasons.add(reason(e.getKey(), mentor, mentee));
    }
    if (generationUnknown && contributions.getOrDefault(ScoreComponent.CROSS_GENERATION, 0.0) > 0) {
      reasons.add(unknownGeneration(mentor, mentee));
    }
    return reasons;
  }

  private static String unknownGeneration(MatchProfile mentor, MatchProfile mentee) {
    List<String> unknown = new ArrayList<>();
    for (MatchProfile p : List.of(mentor, mentee)) {
      if (p.generation.isEmpty()) {
        unknown.add(p.candidate.name());
      }
    }
    return "career start unknown for "
        + String.join(" and ", unknown)
        + ", so the generation mix counts as neutral";
  }

  private static String reason(ScoreComponent component, MatchProfile mentor, MatchProfile mentee) {
    Candidate a = mentor.candidate;
    Candidate b = mentee.candidate;
    return switch (component) {
      case TEACHES_WANTED ->
          a.name()
              + " can teach "
              + skillList(coverage(mentor.offered, mentee.wanted))
              + " that "
              + b.name()
              + " wants to learn";
      case LEARNS_BACK ->
          b.name()
              + " can teach "
              + skillList(coverage(mentee.offered, mentor.wanted))
              + " that "
              + a.name()
              + " wants to learn in return";
      case COMMUNICATION ->
          a.communication() == b.communication()
              ? "both prefer " + a.communication().phrase()
              : "both like to talk live ("
                  + a.communication().phrase()
                  + " or "
                  + b.communication().phrase()
                  + ")";
      case AVAILABILITY -> {
        int hours = sharedHours(mentor, mentee);
        yield hours + (hours == 1 ? " hour" : " hours") + " of shared availability a week";
      }
      case CROSS_DEPARTMENT ->
          "they work in different departments (" + a.department() + " and " + b.department() + ")";
      // which generation each is stays private: only that they differ
      case CROSS_GENERATION -> "they bring different generations together";
    };
  }

  /** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
  static String skillList(List<String> skills) {
    List<String> named = skills.subList(0, Math.min(MAX_SKILLS_NAMED, skills.size()));
    int more = skills.size() - named.size();
    if (more > 0) {
      return String.join(", ", named) + " and " + more + " more";
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    return String.join(", ", named.subList(0, named.size() - 1))
        + " and "
        + named.get(named.size() - 1);
  }
}
