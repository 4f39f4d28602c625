package io.tandem.core.matching.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Every mentor-mentee pair's score in millipoints, or {@link AssignmentSolver#FORBIDDEN} where a
 * hard rule is broken: the same numbers as {@link HardRules#firstBroken} and {@link
 * PairScore#scoreMillis}, computed without allocating per pair, so that a pool of thousands a side
 * (millions of pairs) is scored in a fraction of the solve.
 *
 * <p>Skills, departments and generations become small integers and bit sets, so a pair's score is a
 * few popcounts and one look-up in a table of every combination of those counts, each entry added
 * up in the same order as {@link PairScore#contributions} (the same doubles, the same rounding). Of
 * the hard rules only the seniority gap can apply to any pair; the others (same person, reporting
 * line, recent partner, exclusion) need a named link between the two, so the pairs that have one
 * are found through indexes by id and checked with {@link HardRules} itself.
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
    Features features = new Features(mentors, mentees, settings);
    Links links = new Links(mentees);
    int n = mentors.size();
    int m = mentees.size();
    long[][] millis = new long[n][];
    RowRange range =
        (from, to) -> {
          long allowed = 0;
          for (int i = from; i < to; i++) {
            millis[i] = new long[m];
            allowed += fillRow(i, millis[i], mentors, mentees, features, links, settings, now);
          }
          return allowed;
        };
    if ((long) n * m < PARALLEL_CELLS || Runtime.getRuntime().availableProcessors() < 2) {
      return new PairTable(millis, range.fill(0, n));
    }
    // Rows are independent and the cold JVM of a one-shot command leaves the second core idle:
    // another thread fills the second half of the rows while this one fills the first.
    int half = n / 2;
    CompletableFuture<Long> second =
        CompletableFuture.supplyAsync(() -> range.fill(half, n), SECOND_THREAD);
    long allowed = range.fill(0, half);
    return new PairTable(millis, allowed + second.join());
  }

  /** Tables of at least this many cells are filled on two threads. */
  private static final long PARALLEL_CELLS = 1_000_000L;

  /** Starts a daemon thread for each task: a table fills the second half of its rows on one. */
  private static final Executor SECOND_THREAD =
      task -> {
        Thread thread = new Thread(task, "tandem-pair-table");
        thread.setDaemon(true);
        thread.start();
      };

  /** Fills rows {@code [from, to)}; returns how many of their pairs are allowed. */
  private interface RowRange {
    long fill(int from, int to);
  }

  // Long because it is the per-pair hot loop: one pass over flat arrays, no call per pair but for
  // linked pairs.
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
    long[] scores = f.scores(mentor, settings);
    int learnSpan = mentor.wanted.size() + 1;
    int teachSpan = f.teachSpan;
    int words = f.words;
    long[] offered = Arrays.copyOfRange(f.mentorOffered, i * words, (i + 1) * words);
    long[] wanted = Arrays.copyOfRange(f.mentorWanted, i * words, (i + 1) * words);
    long h0 = mentor.utcHours[0];
    long h1 = mentor.utcHours[1];
    long h2 = mentor.utcHours[2];
    int dept = f.mentorDepartment[i];
    int gen = f.mentorGeneration[i];
    long allowed = 0;
    for (int j = 0; j < row.length; j++) {
      boolean isLinked = next < linked.length && linked[next] == j;
      if (isLinked) {
        next++;
      }
      if (isLinked
          ? HardRules.firstBroken(mentor, mentees.get(j), settings, now) != null
          : band > f.menteeBand[j]) {
        row[j] = AssignmentSolver.FORBIDDEN;
        continue;
      }
      allowed++;
      int teachCount = 0;
      int learnCount = 0;
      for (int w = 0, at = j * words; w < words; w++, at++) {
        teachCount += Long.bitCount(offered[w] & f.menteeWanted[at]);
        learnCount += Long.bitCount(f.menteeOffered[at] & wanted[w]);
      }
      int at = 3 * j;
      int shared =
          Long.bitCount(h0 & f.menteeHours[at])
              + Long.bitCount(h1 & f.menteeHours[at + 1])
              + Long.bitCount(h2 & f.menteeHours[at + 2]);
      int dj = f.menteeDepartment[j];
      int gj = f.menteeGeneration[j];
      int key = (f.menteeKey[j] * teachSpan + teachCount) * learnSpan + learnCount;
      row[j] =
          scores[
              key * Features.TAIL
                  + Math.min(shared, Matcher.FULL_OVERLAP_HOURS) * 6
                  + (dept >= 0 && dj >= 0 && dept != dj ? 3 : 0)
                  + (gen < 0 || gj < 0 ? 2 : gen != gj ? 1 : 0)];
    }
    return allowed;
  }

  /**
   * {@code weight * (count * 1.0 / of)} for each count from 0 to {@code of} (0 when {@code of} is
   * 0): a skill share's term of the score, computed once instead of dividing for every pair.
   */
  private static double[] shares(double weight, int of) {
    double[] terms = new double[of + 1];
    for (int count = 0; count <= of; count++) {
      terms[count] = weight * (of == 0 ? 0 : count * 1.0 / of);
    }
    return terms;
  }

  /**
   * Skills as bit sets over one dictionary ({@code words} longs a person, one flat array a side),
   * departments and generations as ids (-1: blank), and the mentees' other fields flat too.
   */
  private static final class Features {
    final int words;
    final long[] mentorOffered;
    final long[] mentorWanted;
    final long[] menteeOffered;
    final long[] menteeWanted;
    final int[] menteeWantCount;
    final int[] menteeBand;
    final int[] menteeCommunication;
    final long[] menteeHours;
    final int[] mentorDepartment;
    final int[] menteeDepartment;
    final int[] mentorGeneration;
    final int[] menteeGeneration;
    // the score's terms by the small number they depend on, weighted as PairScore weighs them
    final double[][] teachTerms;
    final double[] availabilityTerms;
    final double[] departmentTerms;
    final double[] generationTerms;

    /** Per mentee: how many skills they want, times the preferences, plus their preference. */
    final int[] menteeKey;

    /** How many teach counts a score table keeps per mentee key: 0 to the most wanted. */
    final int teachSpan;

    private final Map<Integer, long[]> scoresByMentorKind = new ConcurrentHashMap<>();
    private final Map<String, Integer> skills = new HashMap<>();
    private final Map<String, Integer> labels = new HashMap<>();

    Features(List<MatchProfile> mentors, List<MatchProfile> mentees, MatchSettings settings) {
      for (List<MatchProfile> side : List.of(mentors, mentees)) {
        for (MatchProfile p : side) {
          p.offered.keySet().forEach(s -> skills.putIfAbsent(s, skills.size()));
          p.wanted.keySet().forEach(s -> skills.putIfAbsent(s, skills.size()));
        }
      }
      words = Math.max(1, (skills.size() + 63) / 64);
      mentorOffered = bits(mentors, true);
      mentorWanted = bits(mentors, false);
      menteeOffered = bits(mentees, true);
      menteeWanted = bits(mentees, false);
      int m = mentees.size();
      menteeWantCount = new int[m];
      menteeBand = new int[m];
      menteeCommunication = new int[m];
      menteeHours = new long[3 * m];
      for (int j = 0; j < m; j++) {
        MatchProfile p = mentees.get(j);
        menteeWantCount[j] = p.wanted.size();
        menteeBand[j] = p.candidate.seniorityBand();
        menteeCommunication[j] = p.candidate.communication().ordinal();
        System.arraycopy(p.utcHours, 0, menteeHours, 3 * j, 3);
      }
      mentorDepartment = ids(mentors, true);
      menteeDepartment = ids(mentees, true);
      mentorGeneration = ids(mentors, false);
      menteeGeneration = ids(mentees, false);
      int mostWanted = Arrays.stream(menteeWantCount).max().orElse(0);
      double wTeach = settings.weight(ScoreComponent.TEACHES_WANTED);
      teachTerms = new double[mostWanted + 1][];
      for (int wants = 0; wants <= mostWanted; wants++) {
        teachTerms[wants] = shares(wTeach, wants);
      }
      double wAvail = settings.weight(ScoreComponent.AVAILABILITY);
      availabilityTerms = new double[Matcher.FULL_OVERLAP_HOURS + 1];
      for (int hours = 0; hours <= Matcher.FULL_OVERLAP_HOURS; hours++) {
        availabilityTerms[hours] = wAvail * (hours / (double) Matcher.FULL_OVERLAP_HOURS);
      }
      double wDept = settings.weight(ScoreComponent.CROSS_DEPARTMENT);
      departmentTerms = new double[] {wDept * 0, wDept * 1.0};
      double wGen = settings.weight(ScoreComponent.CROSS_GENERATION);
      generationTerms = new double[] {wGen * 0, wGen * 1.0, wGen * PairScore.NEUTRAL};
      teachSpan = mostWanted + 1;
      menteeKey = new int[m];
      for (int j = 0; j < m; j++) {
        menteeKey[j] = menteeWantCount[j] * PREFERENCES + menteeCommunication[j];
      }
    }

    /**
     * Score table entries per (mentee key, teach count, learn count): hours, department,
     * generation.
     */
    static final int TAIL = (Matcher.FULL_OVERLAP_HOURS + 1) * 2 * 3;

    private static final int PREFERENCES = CommunicationPreference.values().length;

    /**
     * A mentor's pair scores in millipoints by every combination of the small numbers a score
     * depends on, laid out as {@link #fillRow} indexes them: ((mentee key × teach span + teach
     * count) × learn span + learn count) × {@link #TAIL} + capped shared hours × 6 + department
     * differs × 3 + generation mix. Each is summed as {@link PairScore#contributions} sums it (the
     * same doubles in the same order), so the per-pair loop only looks it up. Mentors who want as
     * many skills and prefer the same way share one table.
     */
    long[] scores(MatchProfile mentor, MatchSettings settings) {
      int learnSpan = mentor.wanted.size() + 1;
      int kind = learnSpan * PREFERENCES + mentor.candidate.communication().ordinal();
      return scoresByMentorKind.computeIfAbsent(kind, k -> table(mentor, settings, learnSpan));
    }

    private long[] table(MatchProfile mentor, MatchSettings settings, int learnSpan) {
      double[] comm = weightedCompatibility(mentor, settings);
      double[] learnTerm =
          shares(settings.weight(ScoreComponent.LEARNS_BACK), mentor.wanted.size());
      long[] out = new long[teachSpan * PREFERENCES * teachSpan * learnSpan * TAIL];
      int at = 0;
      for (int wants = 0; wants < teachSpan; wants++) {
        for (int pref = 0; pref < PREFERENCES; pref++) {
          for (int teach = 0; teach < teachSpan; teach++) {
            for (int learn = 0; learn < learnSpan; learn++) {
              for (int hours = 0; hours <= Matcher.FULL_OVERLAP_HOURS; hours++) {
                for (int dept = 0; dept < 2; dept++) {
                  for (int gen = 0; gen < 3; gen++) {
                    // a mentee teaches at most as many as they want: other counts never occur
                    double total = 0;
                    total += teach <= wants ? teachTerms[wants][teach] : 0;
                    total += learnTerm[learn];
                    total += comm[pref];
                    total += availabilityTerms[hours];
                    total += departmentTerms[dept];
                    total += generationTerms[gen];
                    out[at++] = Math.round(total * 1000);
                  }
                }
              }
            }
          }
        }
      }
      return out;
    }

    /** The communication component, weighted, against each preference by ordinal. */
    double[] weightedCompatibility(MatchProfile mentor, MatchSettings settings) {
      CommunicationPreference[] prefs = CommunicationPreference.values();
      double[] out = new double[prefs.length];
      for (CommunicationPreference b : prefs) {
        out[b.ordinal()] =
            settings.weight(ScoreComponent.COMMUNICATION)
                * mentor.candidate.communication().compatibility(b);
      }
      return out;
    }

    private long[] bits(List<MatchProfile> side, boolean offered) {
      long[] out = new long[side.size() * words];
      for (int k = 0; k < side.size(); k++) {
        MatchProfile p = side.get(k);
        for (String s : (offered ? p.offered : p.wanted).keySet()) {
          int bit = skills.get(s);
          out[k * words + (bit >>> 6)] |= 1L << bit;
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
