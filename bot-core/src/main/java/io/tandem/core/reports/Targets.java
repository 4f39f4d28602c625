package io.tandem.core.reports;

import io.tandem.core.reports.Outcomes.TargetProgress;
import io.tandem.core.reports.ProgramReport.Group;
import io.tandem.core.reports.ProgramReport.Health;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.reports.ProgramReport.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A program's progress against its targets, with a plain verdict for each: "on track" when the
 * measure has reached its target, "behind" when not, "no data yet" when there is nothing to
 * measure. Pure; the formulas are in the README's "Outcomes and targets".
 */
public final class Targets {

  /** A pair is measured once it has existed this long in the period, or has met. */
  static final Duration MONTH = Duration.ofDays(30);

  /** What a program can set a target for, with the word {@code program targets} names it by. */
  public enum Measure {
    /** Pairs that met at least once per 30 days they existed in the period. */
    MEET_MONTHLY("meet", "Pairs meeting monthly", 100),
    /** Goals done in the period of goals set in it. */
    GOALS_DONE("goals", "Goals done", 100),
    /** Participants' retention as a share of the non-participants'. */
    RETENTION("retention", "Retention against non-participants", 200);

    public final String keyword;
    public final String label;
    public final int max;

    Measure(String keyword, String label, int max) {
      this.keyword = keyword;
      this.label = label;
      this.max = max;
    }

    /** The measure {@code word} names, ignoring case; {@code null} when none. */
    public static Measure of(String word) {
      for (Measure m : values()) {
        if (m.keyword.equalsIgnoreCase(word)) {
          return m;
        }
      }
      return null;
    }
  }

  private Targets() {}

  /**
   * Each target that is set, in {@link Measure} order, against the period's numbers.
   *
   * @param targets the program's targets, or {@code null} when it has none
   */
  static List<TargetProgress> progress(
      ProgramTargets targets,
      List<PairRow> pairs,
      Health health,
      Retention retention,
      Instant from,
      Instant asOf) {
    List<TargetProgress> progress = new ArrayList<>();
    if (targets == null) {
      return progress;
    }
    for (Measure m : Measure.values()) {
      Integer target = targets.get(m);
      if (target == null) {
        continue;
      }
      long[] parts =
          switch (m) {
            case MEET_MONTHLY -> meetingMonthly(pairs, from, asOf);
            case GOALS_DONE -> new long[] {health.goalsDone(), health.goalsSet()};
            case RETENTION -> null;
          };
      Double actual =
          m == Measure.RETENTION
              ? retentionRatio(retention)
              : parts[1] == 0 ? null : 100.0 * parts[0] / parts[1];
      progress.add(
          new TargetProgress(
              m.keyword,
              m.label,
              target,
              actual,
              parts == null ? null : parts[0] + " of " + parts[1],
              verdict(actual, target)));
    }
    return progress;
  }

  /** "on track", "behind" or "no data yet". */
  public static String verdict(Double actual, int target) {
    if (actual == null) {
      return "no data yet";
    }
    return Math.round(actual) >= target ? "on track" : "behind";
  }

  /**
   * Pairs that met at least once per 30 days of their time in the period, and the pairs measured:
   * those with 30 days in the period or a session in it.
   */
  static long[] meetingMonthly(List<PairRow> pairs, Instant from, Instant asOf) {
    long measured = 0;
    long meeting = 0;
    for (PairRow p : pairs) {
      Instant start = p.created().isAfter(from) ? p.created() : from;
      long months = Duration.between(start, asOf).toDays() / MONTH.toDays();
      if (months == 0 && p.sessions() == 0) {
        continue;
      }
      measured++;
      if (p.sessions() >= Math.max(1, months)) {
        meeting++;
      }
    }
    return new long[] {meeting, measured};
  }

  /** Participants' retention as a percentage of the others'; {@code null} without both groups. */
  static Double retentionRatio(Retention r) {
    Group mine = r.participants();
    Group others = r.others();
    if (mine.people() == 0 || others.people() == 0 || others.retained() == 0) {
      return null;
    }
    return 100.0 * mine.percent() / others.percent();
  }

  /** {@code Pairs meeting monthly: 72% (13 of 18) — target 80%, behind}. */
  public static String line(TargetProgress t) {
    String actual =
        t.actual() == null
            ? "no data yet"
            : String.format(Locale.ROOT, "%.0f%%", t.actual())
                + (t.counts() == null ? "" : " (" + t.counts() + ")");
    return t.label()
        + ": "
        + actual
        + " — target "
        + t.target()
        + "%"
        + (t.actual() == null ? "" : ", " + t.verdict());
  }
}
