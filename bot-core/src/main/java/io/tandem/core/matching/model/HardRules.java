package io.tandem.core.matching.model;

import io.tandem.core.kernel.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The matcher's hard rules ({@link HardRule}): which pairs are allowed, and why someone is left.
 */
final class HardRules {

  private static final String[] NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };

  private HardRules() {}

  static HardRule firstBroken(
      MatchProfile mentor, MatchProfile mentee, MatchSettings settings, Instant now) {
    Set<HardRule> broken = broken(mentor, mentee, settings, now);
    return broken.isEmpty() ? null : broken.iterator().next();
  }

  static Set<HardRule> broken(
      MatchProfile mentor, MatchProfile mentee, MatchSettings settings, Instant now) {
    Set<HardRule> broken = EnumSet.noneOf(HardRule.class);
    Candidate a = mentor.candidate;
    Candidate b = mentee.candidate;
    if (a.id().equals(b.id())) {
      broken.add(HardRule.SAME_PERSON);
    }
    if (a.seniorityBand() > b.seniorityBand() - settings.minimumSeniorityGap()) {
      broken.add(HardRule.SENIORITY_GAP);
    }
    if (sameReportingLine(a, b)) {
      broken.add(HardRule.REPORTING_LINE);
    }
    if (recentlyPaired(a, b, settings, now) || recentlyPaired(b, a, settings, now)) {
      broken.add(HardRule.RECENT_PARTNER);
    }
    if (a.exclusions().contains(b.id()) || b.exclusions().contains(a.id())) {
      broken.add(HardRule.EXCLUDED);
    }
    return broken;
  }

  /**
   * Same reporting line: one is in the other's manager chain, or both report directly to the same
   * (known) manager.
   */
  static boolean sameReportingLine(Candidate a, Candidate b) {
    if (a.managerChain().contains(b.id()) || b.managerChain().contains(a.id())) {
      return true;
    }
    return !a.directManager().isEmpty() && a.directManager().equals(b.directManager());
  }

  private static boolean recentlyPaired(
      Candidate a, Candidate b, MatchSettings settings, Instant now) {
    if (settings.repeatCooldownDays() == 0) {
      return false;
    }
    Instant cutoff = now.minus(Duration.ofDays(settings.repeatCooldownDays()));
    for (PastPartner past : a.pastPartners()) {
      if (past.personId().equals(b.id()) && past.pairedAt().isAfter(cutoff)) {
        return true;
      }
    }
    return false;
  }

  static String ruleProblem(
      HardRule rule, Candidate mentor, Candidate mentee, MatchSettings settings) {
    String both = mentor.name() + " and " + mentee.name();
    return switch (rule) {
      case SAME_PERSON -> mentor.name() + " cannot mentor themselves";
      case SENIORITY_GAP ->
          mentor.name()
              + " (band "
              + mentor.seniorityBand()
              + ") is not at least "
              + bands(settings.minimumSeniorityGap())
              + " below "
              + mentee.name()
              + " (band "
              + mentee.seniorityBand()
              + ")";
      case REPORTING_LINE -> both + " are in the same reporting line";
      case RECENT_PARTNER ->
          both + " were paired within the last " + settings.repeatCooldownDays() + " days";
      case EXCLUDED -> both + " must not be paired (a private exclusion)";
    };
  }

  private static String bands(int gap) {
    return gap == 1 ? "one band" : number(gap) + " bands";
  }

  private static String number(int n) {
    return n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : Integer.toString(n);
  }

  static Unmatched whyUnmatched(
      MatchProfile person,
      Role role,
      List<MatchProfile> others,
      MatchSettings settings,
      Instant now) {
    // how far the most promising partner got through the rules, in HardRule order
    int furthest = -1;
    for (MatchProfile other : others) {
      Set<HardRule> broken =
          role == Role.MENTEE
              ? broken(other, person, settings, now)
              : broken(person, other, settings, now);
      int stage;
      if (broken.contains(HardRule.SAME_PERSON) || broken.contains(HardRule.SENIORITY_GAP)) {
        stage = 0;
      } else if (broken.contains(HardRule.REPORTING_LINE)) {
        stage = 1;
      } else if (broken.contains(HardRule.RECENT_PARTNER)) {
        stage = 2;
      } else if (broken.contains(HardRule.EXCLUDED)) {
        stage = 3;
      } else {
        stage = 4;
      }
      furthest = Math.max(furthest, stage);
      if (furthest == 4) {
        break;
      }
    }
    UnmatchedReason reason =
        switch (furthest) {
          case -1 -> UnmatchedReason.NOBODY_ON_OTHER_SIDE;
          case 0 -> UnmatchedReason.SENIORITY_GAP;
          case 1 -> UnmatchedReason.REPORTING_LINE;
          case 2 -> UnmatchedReason.RECENT_PARTNERS;
          case 3 -> UnmatchedReason.EXCLUDED;
          default -> UnmatchedReason.ALL_TAKEN;
        };
    return new Unmatched(person.candidate, role, reason, explain(reason, role, settings));
  }

  /** The plain-words reason for someone on {@code role}'s side, addressed to them. */
  static String explain(UnmatchedReason reason, Role role, MatchSettings settings) {
    boolean mentee = role == Role.MENTEE;
    String others = mentee ? "mentors" : "mentees";
    int gap = settings.minimumSeniorityGap();
    return switch (reason) {
      case NOBODY_ON_OTHER_SIDE -> "no " + others + " have joined yet";
      case SENIORITY_GAP -> {
        if (gap == 0) {
          yield mentee
              ? "no mentor at or below your seniority band"
              : "no mentee at or above your seniority band";
        }
        if (gap == 1) {
          yield mentee
              ? "no mentor in a lower band than yours"
              : "no mentee in a higher band than yours";
        }
        yield (mentee ? "no mentor " : "no mentee ")
            + number(gap)
            + " bands "
            + (mentee ? "below" : "above")
            + " you";
      }
      case REPORTING_LINE -> "everyone eligible is in your reporting line";
      case RECENT_PARTNERS ->
          "you were paired with everyone eligible in the last "
              + settings.repeatCooldownDays()
              + " days";
      case EXCLUDED -> "everyone else eligible is excluded from pairing with you";
      case ALL_TAKEN ->
          mentee
              ? "all suitable mentors are at capacity"
              : "every suitable mentee is already paired with another mentor";
      case NOT_IN_PAIRING -> "left out of this pairing";
    };
  }
}
