package io.tandem.core.matching.model;

import io.tandem.core.kernel.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the best reverse-mentoring pairs for a whole cohort, exactly.
 *
 * <p><b>Hard rules</b> ({@link HardRule}) decide which pairs are allowed at all. <b>Score</b> of an
 * allowed pair: {@code Σ weight(c) × value(c)} over the {@link ScoreComponent}s, each value in [0,
 * 1]:
 *
 * <ul>
 *   <li>teaches wanted = |mentor offers ∩ mentee wants| / |mentee wants| (0 if the mentee wants
 *       nothing); skills compare case-insensitively
 *   <li>learns back = |mentee offers ∩ mentor wants| / |mentor wants|
 *   <li>communication = 1 same preference, 0.5 call vs in person, 0 chat vs live
 *   <li>availability = min(shared hours, {@value #FULL_OVERLAP_HOURS}) / {@value
 *       #FULL_OVERLAP_HOURS}; shared hours are counted in UTC after shifting each person's local
 *       weekly hours by their zone's offset at {@code now} (rounded to the nearest hour)
 *   <li>cross department = 1 when both departments are known and differ (only if the program wants
 *       the mix; otherwise its weight is 0)
 *   <li>cross generation = 1 when both generations are known and differ (likewise)
 * </ul>
 *
 * Scores are rounded to 1/1000 point before optimising, so the optimum is exact on those.
 *
 * <p><b>Objective.</b> Mentors with capacity k are k slots. Among all assignments that obey the
 * hard rules and capacities, the matcher takes one that pairs the <em>most mentees</em>, and among
 * those one with the <em>highest total score</em> (lexicographic; see {@link AssignmentSolver}).
 * Pairing one more person always beats a higher score with fewer pairs: nobody is left out to make
 * others' pairs slightly better.
 *
 * <p>Pure and stateless; the caller passes the instant used for cooldowns and time-zone offsets.
 */
public final class Matcher {

  /** Shared hours a week at which the availability component is full. */
  public static final int FULL_OVERLAP_HOURS = 4;

  private static final int MAX_REASONS = 3;
  private static final int MAX_SKILLS_NAMED = 3;
  private static final String[] NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };

  private Matcher() {}

  /** Pairs mentors with mentees; see the class comment for rules, score and objective. */
  public static MatchResult match(
      List<Candidate> mentors, List<Candidate> mentees, MatchSettings settings, Instant now) {
    requireUniqueIds(mentors, "mentor");
    requireUniqueIds(mentees, "mentee");
    List<Profile> mentorProfiles = profiles(mentors, now);
    List<Profile> menteeProfiles = profiles(mentees, now);
    int n = mentors.size();
    int m = mentees.size();

    long[][] millis = new long[n][m];
    long allowed = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        Profile mentor = mentorProfiles.get(i);
        Profile mentee = menteeProfiles.get(j);
        if (firstBroken(mentor, mentee, settings, now) == null) {
          millis[i][j] = scoreMillis(mentor, mentee, settings);
          allowed++;
        } else {
          millis[i][j] = AssignmentSolver.FORBIDDEN;
        }
      }
    }

    int[] slotMentor = slots(mentors);
    Assignment assignment = solve(millis, slotMentor, m, allowed);

    List<MatchedPair> pairs = new ArrayList<>();
    long totalMillis = 0;
    boolean[] mentorUsed = new boolean[n];
    boolean[] menteeUsed = new boolean[m];
    for (int slot = 0; slot < slotMentor.length; slot++) {
      int j = assignment.columnOf(slot);
      if (j != Assignment.UNMATCHED) {
        int i = slotMentor[slot];
        mentorUsed[i] = true;
        menteeUsed[j] = true;
        totalMillis += millis[i][j];
        pairs.add(pair(mentorProfiles.get(i), menteeProfiles.get(j), settings));
      }
    }
    pairs.sort(
        Comparator.comparingDouble(MatchedPair::score)
            .reversed()
            .thenComparing(p -> p.mentor().name())
            .thenComparing(p -> p.mentee().name()));

    List<Unmatched> unmatched = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      if (!menteeUsed[j]) {
        unmatched.add(
            whyUnmatched(menteeProfiles.get(j), Role.MENTEE, mentorProfiles, settings, now));
      }
    }
    for (int i = 0; i < n; i++) {
      if (!mentorUsed[i]) {
        unmatched.add(
            whyUnmatched(mentorProfiles.get(i), Role.MENTOR, menteeProfiles, settings, now));
      }
    }
    return new MatchResult(pairs, unmatched, totalMillis / 1000.0);
  }

  /** Scores and explains one pair, whether or not the hard rules allow it. */
  public static PairEvaluation evaluate(
      Candidate mentor, Candidate mentee, MatchSettings settings, Instant now) {
    Profile a = new Profile(mentor, now);
    Profile b = new Profile(mentee, now);
    Set<HardRule> broken = broken(a, b, settings, now);
    List<String> problems = new ArrayList<>();
    for (HardRule rule : broken) {
      problems.add(ruleProblem(rule, mentor, mentee, settings));
    }
    Map<ScoreComponent, Double> contributions = contributions(a, b, settings);
    return new PairEvaluation(
        mentor,
        mentee,
        broken,
        problems,
        scoreMillis(a, b, settings) / 1000.0,
        contributions,
        reasons(a, b, contributions));
  }

  /**
   * Scores a given pairing (e.g. after {@link #swap}) and lists what makes it invalid: unknown ids,
   * a mentee in two pairs, a mentor over capacity, broken hard rules. Everyone in the pools but not
   * in the pairing is reported unmatched.
   */
  public static Rescored rescore(
      List<Candidate> mentors,
      List<Candidate> mentees,
      List<Pairing> pairing,
      MatchSettings settings,
      Instant now) {
    Map<String, Candidate> mentorById = byId(mentors);
    Map<String, Candidate> menteeById = byId(mentees);
    List<String> problems = new ArrayList<>();
    List<MatchedPair> pairs = new ArrayList<>();
    Map<String, Integer> load = new LinkedHashMap<>();
    Set<String> pairedMentees = new HashSet<>();
    long totalMillis = 0;
    for (Pairing p : pairing) {
      Candidate mentor = mentorById.get(p.mentorId());
      Candidate mentee = menteeById.get(p.menteeId());
      if (mentor == null) {
        problems.add("nobody with id " + p.mentorId() + " is in the mentor pool");
      }
      if (mentee == null) {
        problems.add("nobody with id " + p.menteeId() + " is in the mentee pool");
      }
      if (mentor == null || mentee == null) {
        continue;
      }
      if (!pairedMentees.add(mentee.id())) {
        problems.add(mentee.name() + " is in more than one pair");
      }
      load.merge(mentor.id(), 1, Integer::sum);
      Profile a = new Profile(mentor, now);
      Profile b = new Profile(mentee, now);
      for (HardRule rule : broken(a, b, settings, now)) {
        problems.add(ruleProblem(rule, mentor, mentee, settings));
      }
      long millis = scoreMillis(a, b, settings);
      totalMillis += millis;
      pairs.add(pair(a, b, settings));
    }
    load.forEach(
        (id, count) -> {
          Candidate mentor = mentorById.get(id);
          if (count > mentor.capacity()) {
            problems.add(
                mentor.name()
                    + " would have "
                    + count
                    + " mentees but takes at most "
                    + mentor.capacity());
          }
        });
    List<Unmatched> unmatched = new ArrayList<>();
    for (Candidate mentee : mentees) {
      if (!pairedMentees.contains(mentee.id())) {
        unmatched.add(
            new Unmatched(
                mentee, Role.MENTEE, UnmatchedReason.NOT_IN_PAIRING, "left out of this pairing"));
      }
    }
    for (Candidate mentor : mentors) {
      if (!load.containsKey(mentor.id())) {
        unmatched.add(
            new Unmatched(
                mentor, Role.MENTOR, UnmatchedReason.NOT_IN_PAIRING, "left out of this pairing"));
      }
    }
    return new Rescored(new MatchResult(pairs, unmatched, totalMillis / 1000.0), problems);
  }

  /**
   * Swaps two people on the same side: two mentees exchange mentors (or an unpaired mentee takes
   * the other's place); two mentors exchange all their mentees. Check the outcome with {@link
   * #rescore}.
   *
   * @throws IllegalArgumentException when the ids are unknown, equal, or on different sides
   */
  public static List<Pairing> swap(
      List<Pairing> pairing,
      List<Candidate> mentors,
      List<Candidate> mentees,
      String first,
      String second) {
    Set<String> mentorIds = byId(mentors).keySet();
    Set<String> menteeIds = byId(mentees).keySet();
    if (first.equals(second)) {
      throw new IllegalArgumentException("pick two different people to swap");
    }
    boolean bothMentees = menteeIds.contains(first) && menteeIds.contains(second);
    boolean bothMentors = mentorIds.contains(first) && mentorIds.contains(second);
    if (!bothMentees && !bothMentors) {
      throw new IllegalArgumentException(
          "swap takes two mentees or two mentors from the same pool");
    }
    List<Pairing> swapped = new ArrayList<>();
    for (Pairing p : pairing) {
      if (bothMentees) {
        String mentee = p.menteeId();
        mentee = mentee.equals(first) ? second : mentee.equals(second) ? first : mentee;
        swapped.add(new Pairing(p.mentorId(), mentee));
      } else {
        String mentor = p.mentorId();
        mentor = mentor.equals(first) ? second : mentor.equals(second) ? first : mentor;
        swapped.add(new Pairing(mentor, p.menteeId()));
      }
    }
    return swapped;
  }

  // --- solving -------------------------------------------------------------------------------

  private static int[] slots(List<Candidate> mentors) {
    int total = 0;
    for (Candidate mentor : mentors) {
      total += mentor.capacity();
    }
    int[] slotMentor = new int[total];
    int at = 0;
    for (int i = 0; i < mentors.size(); i++) {
      for (int k = 0; k < mentors.get(i).capacity(); k++) {
        slotMentor[at++] = i;
      }
    }
    return slotMentor;
  }

  /** Maximises score by minimising its negation; sparse when few pairs are allowed. */
  private static Assignment solve(long[][] millis, int[] slotMentor, int m, long allowed) {
    int rows = slotMentor.length;
    long cells = (long) millis.length * m;
    boolean sparse = cells > 0 && (allowed * 5 < cells || (long) rows * m > 20_000_000L);
    if (sparse) {
      SparseCosts.Builder builder = SparseCosts.builder(rows, m);
      for (int slot = 0; slot < rows; slot++) {
        long[] row = millis[slotMentor[slot]];
        for (int j = 0; j < m; j++) {
          if (row[j] != AssignmentSolver.FORBIDDEN) {
            builder.add(slot, j, -row[j]);
          }
        }
      }
      return AssignmentSolver.minimumCost(builder.build());
    }
    long[][] costs = new long[rows][];
    for (int slot = 0; slot < rows; slot++) {
      long[] row = millis[slotMentor[slot]];
      long[] cost = new long[m];
      for (int j = 0; j < m; j++) {
        cost[j] = row[j] == AssignmentSolver.FORBIDDEN ? AssignmentSolver.FORBIDDEN : -row[j];
      }
      costs[slot] = cost;
    }
    return AssignmentSolver.minimumCost(costs);
  }

  // --- rules ---------------------------------------------------------------------------------

  private static HardRule firstBroken(
      Profile mentor, Profile mentee, MatchSettings settings, Instant now) {
    Set<HardRule> broken = broken(mentor, mentee, settings, now);
    return broken.isEmpty() ? null : broken.iterator().next();
  }

  private static Set<HardRule> broken(
      Profile mentor, Profile mentee, MatchSettings settings, Instant now) {
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

  private static String ruleProblem(
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

  // --- unmatched reasons ---------------------------------------------------------------------

  private static Unmatched whyUnmatched(
      Profile person, Role role, List<Profile> others, MatchSettings settings, Instant now) {
    // how far the most promising partner got through the rules, in HardRule order
    int furthest = -1;
    for (Profile other : others) {
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
  public static String explain(UnmatchedReason reason, Role role, MatchSettings settings) {
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

  // --- score ---------------------------------------------------------------------------------

  private static long scoreMillis(Profile mentor, Profile mentee, MatchSettings settings) {
    double total = 0;
    for (Map.Entry<ScoreComponent, Double> e : contributions(mentor, mentee, settings).entrySet()) {
      total += e.getValue();
    }
    return Math.round(total * 1000);
  }

  private static Map<ScoreComponent, Double> contributions(
      Profile mentor, Profile mentee, MatchSettings settings) {
    Map<ScoreComponent, Double> values = new EnumMap<>(ScoreComponent.class);
    values.put(ScoreComponent.TEACHES_WANTED, coverage(mentor.offered, mentee.wanted).size() * 1.0);
    values.put(ScoreComponent.LEARNS_BACK, coverage(mentee.offered, mentor.wanted).size() * 1.0);
    values.put(
        ScoreComponent.COMMUNICATION,
        mentor.candidate.communication().compatibility(mentee.candidate.communication()));
    values.put(
        ScoreComponent.AVAILABILITY,
        Math.min(sharedHours(mentor, mentee), FULL_OVERLAP_HOURS) / (double) FULL_OVERLAP_HOURS);
    values.put(
        ScoreComponent.CROSS_DEPARTMENT, differs(mentor.department, mentee.department) ? 1.0 : 0);
    values.put(
        ScoreComponent.CROSS_GENERATION, differs(mentor.generation, mentee.generation) ? 1.0 : 0);
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

  private static int sharedHours(Profile a, Profile b) {
    int shared = 0;
    for (int w = 0; w < 3; w++) {
      shared += Long.bitCount(a.utcHours[w] & b.utcHours[w]);
    }
    return shared;
  }

  private static MatchedPair pair(Profile mentor, Profile mentee, MatchSettings settings) {
    Map<ScoreComponent, Double> contributions = contributions(mentor, mentee, settings);
    return new MatchedPair(
        mentor.candidate,
        mentee.candidate,
        scoreMillis(mentor, mentee, settings) / 1000.0,
        contributions,
        reasons(mentor, mentee, contributions));
  }

  // --- reasons -------------------------------------------------------------------------------

  private static List<String> reasons(
      Profile mentor, Profile mentee, Map<ScoreComponent, Double> contributions) {
    List<Map.Entry<ScoreComponent, Double>> ranked = new ArrayList<>();
    for (Map.Entry<ScoreComponent, Double> e : contributions.entrySet()) {
      if (e.getValue() > 0) {
        ranked.add(e);
      }
    }
    ranked.sort(
        Map.Entry.<ScoreComponent, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<ScoreComponent, Double> e :
        ranked.subList(0, Math.min(MAX_REASONS, ranked.size()))) {
      reasons.add(reason(e.getKey(), mentor, mentee));
    }
    return reasons;
  }

  private static String reason(ScoreComponent component, Profile mentor, Profile mentee) {
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
      case CROSS_GENERATION ->
          "they bring different generations together ("
              + a.generation()
              + " and "
              + b.generation()
              + ")";
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

  // --- profiles ------------------------------------------------------------------------------

  private static void requireUniqueIds(List<Candidate> people, String side) {
    Set<String> seen = new HashSet<>();
    for (Candidate c : people) {
      if (!seen.add(c.id())) {
        throw new IllegalArgumentException(side + " " + c.id() + " is in the pool twice");
      }
    }
  }

  private static Map<String, Candidate> byId(List<Candidate> people) {
    Map<String, Candidate> map = new HashMap<>();
    for (Candidate c : people) {
      map.put(c.id(), c);
    }
    return map;
  }

  private static List<Profile> profiles(List<Candidate> people, Instant now) {
    List<Profile> profiles = new ArrayList<>(people.size());
    for (Candidate c : people) {
      profiles.add(new Profile(c, now));
    }
    return profiles;
  }

  /** A candidate prepared for fast comparisons: lower-cased keys, availability in UTC. */
  private static final class Profile {
    final Candidate candidate;
    final Map<String, String> offered;
    final Map<String, String> wanted;
    final String department;
    final String generation;
    final long[] utcHours;

    Profile(Candidate candidate, Instant now) {
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
}
