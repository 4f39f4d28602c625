package io.tandem.core.matching.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every mentor-mentee pair's score in millipoints, or {@link AssignmentSolver#FORBIDDEN} where a
 * hard rule is broken: the same numbers as {@link HardRules#firstBroken} and {@link
 * PairScore#scoreMillis}, computed without allocating per pair, so that a pool of thousands a side
 * (millions of pairs) is scored in a fraction of the solve.
 *
 * <p>Skills, departments and generations become small integers and bit sets, so a pair's score is a
 * few popcounts added up in the same order as {@link PairScore#contributions} (the same doubles,
 * the same rounding). Of the hard rules only the seniority gap can apply to any pair; the others
 * (same person, reporting line, recent partner, exclusion) need a named link between the two, so
 * the pairs that have one are found through indexes by id and checked with {@link HardRules}
 * itself.
 */
final class PairTable {

  final long[][] millis;
  final long allowed;

  private PairTable(long[][] millis, long allowed) {
    this.millis = millis;
    this.allowed = allowed;
  }

  static PairTable of(
      List<MatchProfile> mentors, List<MatchProfile> mentees, MatchSettings settings, Instant now) {
    Features features = new Features(mentors, mentees);
    Links links = new Links(mentees);
    int n = mentors.size();
    int m = mentees.size();
    long[][] millis = new long[n][];
    long allowed = 0;
    for (int i = 0; i < n; i++) {
      millis[i] = new long[m];
      allowed += fillRow(i, millis[i], mentors, mentees, features, links, settings, now);
    }
    return new PairTable(millis, allowed);
  }

  // Long because it is the per-pair hot loop: one pass, no call per pair but for linked pairs.
  private static long fillRow(
      int i,
      long[] row,
      List<MatchProfile> mentors,
      List<MatchProfile> mentees,
      Features f,
      Links links,
      MatchSettings settings,
      Instant now) {
    MatchProfile mentor = mentors.get(i);
    int[] linked = links.of(mentor.candidate);
    int next = 0;
    int band = mentor.candidate.seniorityBand() + settings.minimumSeniorityGap();
    double wTeach = settings.weight(ScoreComponent.TEACHES_WANTED);
    double wLearn = settings.weight(ScoreComponent.LEARNS_BACK);
    double wComm = settings.weight(ScoreComponent.COMMUNICATION);
    double wAvail = settings.weight(ScoreComponent.AVAILABILITY);
    double wDept = settings.weight(ScoreComponent.CROSS_DEPARTMENT);
    double wGen = settings.weight(ScoreComponent.CROSS_GENERATION);
    long[] offered = f.mentorOffered[i];
    long[] wanted = f.mentorWanted[i];
    int wantedSize = mentor.wanted.size();
    long[] hours = mentor.utcHours;
    double[] comm = f.compatibility[mentor.candidate.communication().ordinal()];
    int dept = f.mentorDepartment[i];
    int gen = f.mentorGeneration[i];
    long allowed = 0;
    for (int j = 0; j < row.length; j++) {
      MatchProfile mentee = mentees.get(j);
      boolean isLinked = next < linked.length && linked[next] == j;
      if (isLinked) {
        next++;
      }
      if (isLinked
          ? HardRules.firstBroken(mentor, mentee, settings, now) != null
          : band > mentee.candidate.seniorityBand()) {
        row[j] = AssignmentSolver.FORBIDDEN;
        continue;
      }
      allowed++;
      int menteeWants = mentee.wanted.size();
      double teach = menteeWants == 0 ? 0 : common(offered, f.menteeWanted[j]) * 1.0 / menteeWants;
      double learn = wantedSize == 0 ? 0 : common(f.menteeOffered[j], wanted) * 1.0 / wantedSize;
      long[] h = mentee.utcHours;
      int shared =
          Long.bitCount(hours[0] & h[0])
              + Long.bitCount(hours[1] & h[1])
              + Long.bitCount(hours[2] & h[2]);
      double avail =
          Math.min(shared, Matcher.FULL_OVERLAP_HOURS) / (double) Matcher.FULL_OVERLAP_HOURS;
      int dj = f.menteeDepartment[j];
      int gj = f.menteeGeneration[j];
      double total = 0;
      total += wTeach * teach;
      total += wLearn * learn;
      total += wComm * comm[mentee.candidate.communication().ordinal()];
      total += wAvail * avail;
      total += wDept * (dept >= 0 && dj >= 0 && dept != dj ? 1.0 : 0);
      total += wGen * (gen >= 0 && gj >= 0 && gen != gj ? 1.0 : 0);
      row[j] = Math.round(total * 1000);
    }
    return allowed;
  }

  private static int common(long[] a, long[] b) {
    int count = 0;
    for (int w = 0; w < a.length; w++) {
      count += Long.bitCount(a[w] & b[w]);
    }
    return count;
  }

  /** Skills as bit sets over one dictionary, departments and generations as ids (-1: blank). */
  private static final class Features {
    final long[][] mentorOffered;
    final long[][] mentorWanted;
    final long[][] menteeOffered;
    final long[][] menteeWanted;
    final int[] mentorDepartment;
    final int[] menteeDepartment;
    final int[] mentorGeneration;
    final int[] menteeGeneration;
    final double[][] compatibility;
    private final Map<String, Integer> skills = new HashMap<>();
    private final Map<String, Integer> labels = new HashMap<>();

    Features(List<MatchProfile> mentors, List<MatchProfile> mentees) {
      for (List<MatchProfile> side : List.of(mentors, mentees)) {
        for (MatchProfile p : side) {
          p.offered.keySet().forEach(s -> skills.putIfAbsent(s, skills.size()));
          p.wanted.keySet().forEach(s -> skills.putIfAbsent(s, skills.size()));
        }
      }
      int words = Math.max(1, (skills.size() + 63) / 64);
      mentorOffered = bits(mentors, true, words);
      mentorWanted = bits(mentors, false, words);
      menteeOffered = bits(mentees, true, words);
      menteeWanted = bits(mentees, false, words);
      mentorDepartment = ids(mentors, true);
      menteeDepartment = ids(mentees, true);
      mentorGeneration = ids(mentors, false);
      menteeGeneration = ids(mentees, false);
      CommunicationPreference[] prefs = CommunicationPreference.values();
      compatibility = new double[prefs.length][prefs.length];
      for (CommunicationPreference a : prefs) {
        for (CommunicationPreference b : prefs) {
          compatibility[a.ordinal()][b.ordinal()] = a.compatibility(b);
        }
      }
    }

    private long[][] bits(List<MatchProfile> side, boolean offered, int words) {
      long[][] out = new long[side.size()][words];
      for (int k = 0; k < side.size(); k++) {
        MatchProfile p = side.get(k);
        for (String s : (offered ? p.offered : p.wanted).keySet()) {
          int bit = skills.get(s);
          out[k][bit >>> 6] |= 1L << bit;
        }
      }
      return out;
    }

    private int[] ids(List<MatchProfile> side, boolean department) {
      int[] out = new int[side.size()];
      for (int k = 0; k < side.size(); k++) {
        MatchProfile p = side.get(k);
        String label = department ? p.department : p.generation;
        // departments and generations never compare with each other
        String key = (department ? "d:" : "g:") + label.toLowerCase(Locale.ROOT);
        out[k] = label.isEmpty() ? -1 : labels.computeIfAbsent(key, x -> labels.size());
      }
      return out;
    }
  }

  /**
   * The mentees a mentor has a named link with (same id, either's manager chain or direct manager,
   * either's past partners or exclusions): the only pairs where a rule other than the seniority gap
   * can be broken.
   */
  private static final class Links {
    private final Map<String, List<Integer>> byId = new HashMap<>();
    private final Map<String, List<Integer>> byChainMember = new HashMap<>();
    private final Map<String, List<Integer>> byDirectManager = new HashMap<>();
    private final Map<String, List<Integer>> byPastPartner = new HashMap<>();
    private final Map<String, List<Integer>> byExcluded = new HashMap<>();

    Links(List<MatchProfile> mentees) {
      for (int j = 0; j < mentees.size(); j++) {
        Candidate b = mentees.get(j).candidate;
        add(byId, b.id(), j);
        for (String manager : b.managerChain()) {
          add(byChainMember, manager, j);
        }
        if (!b.directManager().isEmpty()) {
          add(byDirectManager, b.directManager(), j);
        }
        for (PastPartner past : b.pastPartners()) {
          add(byPastPartner, past.personId(), j);
        }
        for (String excluded : b.exclusions()) {
          add(byExcluded, excluded, j);
        }
      }
    }

    private static void add(Map<String, List<Integer>> index, String key, int j) {
      index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(j);
    }

    /** Sorted, without duplicates. */
    int[] of(Candidate a) {
      List<Integer> found = new ArrayList<>();
      addAll(found, byId.get(a.id()));
      addAll(found, byChainMember.get(a.id()));
      addAll(found, byPastPartner.get(a.id()));
      addAll(found, byExcluded.get(a.id()));
      for (String manager : a.managerChain()) {
        addAll(found, byId.get(manager));
      }
      if (!a.directManager().isEmpty()) {
        addAll(found, byDirectManager.get(a.directManager()));
      }
      for (PastPartner past : a.pastPartners()) {
        addAll(found, byId.get(past.personId()));
      }
      for (String excluded : a.exclusions()) {
        addAll(found, byId.get(excluded));
      }
      return found.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    private static void addAll(List<Integer> found, List<Integer> more) {
      if (more != null) {
        found.addAll(more);
      }
    }
  }
}
