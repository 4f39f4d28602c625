package io.tandem.core.matching.model;

import io.tandem.core.kernel.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 *   <li>cross generation = 1 when both generations are known and differ, 0 when they are the same,
 *       and 0.5 (neutral) when either is unknown (likewise)
 * </ul>
 *
 * Scores are rounded to 1/1000 point before optimising, so the optimum is exact on those.
 *
 * <p><b>Objective.</b> Mentors with capacity k are k slots. Among all assignments that obey the
 * hard rules and capacities, the matcher takes one that pairs the <em>most mentees</em>, and among
 * those one with the <em>highest total score</em> (lexicographic; see {@link AssignmentSolver}).
 * Pairing one more person always beats a higher score with fewer pairs: nobody is left out to make
 * others' pairs slightly better. Between the two, people who have waited since an earlier round
 * ({@link Candidate#waitingSince}) go first: among the largest pairings, one that matches the most
 * of them, and only then the highest score (see {@link Priority} for why this is exact).
 *
 * <p>Pure and stateless; the caller passes the instant used for cooldowns and time-zone offsets.
 */
public final class Matcher {

  /** Shared hours a week at which the availability component is full. */
  public static final int FULL_OVERLAP_HOURS = 4;

  /** Above this many slot-mentee cells (256 MB of costs), the sparse solver is used. */
  private static final long MAX_DENSE_CELLS = 32_000_000L;

  private Matcher() {}

  /** Pairs mentors with mentees; see the class comment for rules, score and objective. */
  public static MatchResult match(
      List<Candidate> mentors, List<Candidate> mentees, MatchSettings settings, Instant now) {
    requireUniqueIds(mentors, "mentor");
    requireUniqueIds(mentees, "mentee");
    List<MatchProfile> mentorProfiles = profiles(mentors, now);
    List<MatchProfile> menteeProfiles = profiles(mentees, now);
    int n = mentors.size();
    int m = mentees.size();

    PairTable table = PairTable.of(mentorProfiles, menteeProfiles, settings, now);
    int[] slotMentor = slots(mentors);
    Priority priority = Priority.of(mentors, mentees, table.millis, slotMentor.length);
    Assignment assignment = solve(table.millis, slotMentor, m, table.allowed, priority);

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
        MatchedPair pair = PairScore.pair(mentorProfiles.get(i), menteeProfiles.get(j), settings);
        totalMillis += Math.round(pair.score() * 1000);
        pairs.add(pair);
      }
    }
    pairs.sort(
        Comparator.comparingDouble(MatchedPair::score)
            .reversed()
            .thenComparing(p -> p.mentor().name())
            .thenComparing(p -> p.mentee().name()));

    List<Unmatched> unmatched =
        unmatched(mentorProfiles, menteeProfiles, mentorUsed, menteeUsed, settings, now);
    return new MatchResult(pairs, unmatched, totalMillis / 1000.0);
  }

  /**
   * Every mentor-mentee pair's score in millipoints, or {@link AssignmentSolver#FORBIDDEN} where a
   * hard rule forbids the pair: the table {@link #match} optimises over ({@code [mentor][mentee]},
   * in the lists' order).
   */
  public static long[][] scoreTable(
      List<Candidate> mentors, List<Candidate> mentees, MatchSettings settings, Instant now) {
    return PairTable.of(profiles(mentors, now), profiles(mentees, now), settings, now).millis;
  }

  /** Why each person left out was left out: mentees first, then mentors, each in input order. */
  private static List<Unmatched> unmatched(
      List<MatchProfile> mentorProfiles,
      List<MatchProfile> menteeProfiles,
      boolean[] mentorUsed,
      boolean[] menteeUsed,
      MatchSettings settings,
      Instant now) {
    List<Unmatched> unmatched = new ArrayList<>();
    for (int j = 0; j < menteeUsed.length; j++) {
      if (!menteeUsed[j]) {
        unmatched.add(
            HardRules.whyUnmatched(
                menteeProfiles.get(j), Role.MENTEE, mentorProfiles, settings, now));
      }
    }
    for (int i = 0; i < mentorUsed.length; i++) {
      if (!mentorUsed[i]) {
        unmatched.add(
            HardRules.whyUnmatched(
                mentorProfiles.get(i), Role.MENTOR, menteeProfiles, settings, now));
      }
    }
    return unmatched;
  }

  /** Scores and explains one pair, whether or not the hard rules allow it. */
  public static PairEvaluation evaluate(
      Candidate mentor, Candidate mentee, MatchSettings settings, Instant now) {
    MatchProfile a = new MatchProfile(mentor, now);
    MatchProfile b = new MatchProfile(mentee, now);
    Set<HardRule> broken = HardRules.broken(a, b, settings, now);
    List<String> problems = new ArrayList<>();
    for (HardRule rule : broken) {
      problems.add(HardRules.ruleProblem(rule, mentor, mentee, settings));
    }
    Map<ScoreComponent, Double> contributions = PairScore.contributions(a, b, settings);
    return new PairEvaluation(
        mentor,
        mentee,
        broken,
        problems,
        PairScore.scoreMillis(a, b, settings) / 1000.0,
        contributions,
        PairScore.reasons(a, b, contributions));
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
      MatchProfile a = new MatchProfile(mentor, now);
      MatchProfile b = new MatchProfile(mentee, now);
      for (HardRule rule : HardRules.broken(a, b, settings, now)) {
        problems.add(HardRules.ruleProblem(rule, mentor, mentee, settings));
      }
      long millis = PairScore.scoreMillis(a, b, settings);
      totalMillis += millis;
      pairs.add(PairScore.pair(a, b, settings));
    }
    problems.addAll(overCapacity(load, mentorById));
    List<Unmatched> unmatched = leftOut(mentors, mentees, load.keySet(), pairedMentees);
    return new Rescored(new MatchResult(pairs, unmatched, totalMillis / 1000.0), problems);
  }

  /** Mentors given more mentees than they take. */
  private static List<String> overCapacity(
      Map<String, Integer> load, Map<String, Candidate> mentorById) {
    List<String> problems = new ArrayList<>();
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
    return problems;
  }

  /** Everyone in the pools but not in the pairing, mentees first. */
  private static List<Unmatched> leftOut(
      List<Candidate> mentors,
      List<Candidate> mentees,
      Set<String> pairedMentors,
      Set<String> pairedMentees) {
    List<Unmatched> unmatched = new ArrayList<>();
    for (Candidate mentee : mentees) {
      if (!pairedMentees.contains(mentee.id())) {
        unmatched.add(
            new Unmatched(
                mentee, Role.MENTEE, UnmatchedReason.NOT_IN_PAIRING, "left out of this pairing"));
      }
    }
    for (Candidate mentor : mentors) {
      if (!pairedMentors.contains(mentor.id())) {
        unmatched.add(
            new Unmatched(
                mentor, Role.MENTOR, UnmatchedReason.NOT_IN_PAIRING, "left out of this pairing"));
      }
    }
    return unmatched;
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

  /**
   * Maximises score (plus the waiting people's {@link Priority} bonus) by minimising its negation:
   * turns each mentor's row of {@code millis} into costs in place, then solves (the dense solver
   * copies them into its own matrix, letting go of them as it goes), sparse when few pairs are
   * allowed or the matrix would be too big to hold. A mentor's slots share one row, the solver only
   * reads it; a waiting mentor's first slot has its own, with the bonus.
   */
  private static Assignment solve(
      long[][] millis, int[] slotMentor, int m, long allowed, Priority priority) {
    for (int i = 0; i < millis.length; i++) {
      long[] row = millis[i];
      for (int j = 0; j < m; j++) {
        if (row[j] != AssignmentSolver.FORBIDDEN) {
          row[j] = -(row[j] + priority.menteeBonus(j));
        }
      }
    }
    int rows = slotMentor.length;
    long[][] costs = new long[rows][];
    for (int slot = 0; slot < rows; slot++) {
      int i = slotMentor[slot];
      boolean first = slot == 0 || slotMentor[slot - 1] != i;
      costs[slot] = first && priority.mentorWaits(i) ? priority.firstSlot(millis[i]) : millis[i];
    }
    // the solver copies the rows it needs and may clear costs' entries as it goes: drop the
    // table's references so that the collector can take them back
    Arrays.fill(millis, null);
    long cells = (long) millis.length * m;
    boolean sparse = cells > 0 && (allowed * 5 < cells || (long) rows * m > MAX_DENSE_CELLS);
    if (sparse) {
      SparseCosts.Builder builder = SparseCosts.builder(rows, m);
      for (int slot = 0; slot < rows; slot++) {
        long[] row = costs[slot];
        for (int j = 0; j < m; j++) {
          if (row[j] != AssignmentSolver.FORBIDDEN) {
            builder.add(slot, j, row[j]);
          }
        }
      }
      return AssignmentSolver.minimumCost(builder.build());
    }
    return AssignmentSolver.minimumCost(costs, true);
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

  private static List<MatchProfile> profiles(List<Candidate> people, Instant now) {
    List<MatchProfile> profiles = new ArrayList<>(people.size());
    for (Candidate c : people) {
      profiles.add(new MatchProfile(c, now));
    }
    return profiles;
  }

  /**
   * Same reporting line: one is in the other's manager chain, or both report directly to the same
   * (known) manager.
   */
  static boolean sameReportingLine(Candidate a, Candidate b) {
    return HardRules.sameReportingLine(a, b);
  }

  /** The plain-words reason for someone on {@code role}'s side, addressed to them. */
  public static String explain(UnmatchedReason reason, Role role, MatchSettings settings) {
    return HardRules.explain(reason, role, settings);
  }

  /** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
  static String skillList(List<String> skills) {
    return PairScore.skillList(skills);
  }
}
