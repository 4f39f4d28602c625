package io.tandem.core.reports;

import io.tandem.core.reports.ProgramReport.Group;
import io.tandem.core.reports.ProgramReport.Retention;
import io.tandem.core.reports.ProgramReport.RetentionSource;
import java.util.Locale;

/**
 * The retention comparison: the difference of two proportions with a 95% confidence interval by the
 * normal approximation (Wald), and the rule for when there is not enough data for it. Pure.
 */
public final class RetentionStats {

  /** Each group needs at least this many people. */
  public static final int MIN_GROUP = 10;

  /** Each group needs at least this many who stayed and this many who left. */
  public static final int MIN_EXPECTED = 5;

  private static final double Z95 = 1.959964;

  private RetentionStats() {}

  /**
   * Compares participants with the others.
   *
   * <p>p₁ = retained₁ ÷ n₁, p₂ = retained₂ ÷ n₂, d = p₁ − p₂, SE = √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂),
   * 95% CI = d ± 1.96·SE, in percentage points. Not enough data when either group has fewer than
   * {@value #MIN_GROUP} people, or fewer than {@value #MIN_EXPECTED} who stayed or who left (the
   * normal approximation needs n·p ≥ 5 and n·(1−p) ≥ 5 in both groups).
   */
  public static Retention compare(RetentionSource source, Group participants, Group others) {
    String problem = problem(participants, "participants");
    if (problem == null) {
      problem = problem(others, "non-participants");
    }
    if (problem != null) {
      return new Retention(
          source, participants, others, null, null, null, "not enough data: " + problem);
    }
    double p1 = (double) participants.retained() / participants.people();
    double p2 = (double) others.retained() / others.people();
    double d = p1 - p2;
    double se = Math.sqrt(p1 * (1 - p1) / participants.people() + p2 * (1 - p2) / others.people());
    double low = d - Z95 * se;
    double high = d + Z95 * se;
    String note =
        String.format(
            Locale.ROOT,
            "%+.1f points (95%% CI %+.1f to %+.1f)%s",
            100 * d,
            100 * low,
            100 * high,
            low > 0 || high < 0 ? "" : "; the interval includes 0, so no clear difference");
    return new Retention(source, participants, others, 100 * d, 100 * low, 100 * high, note);
  }

  private static String problem(Group g, String name) {
    if (g.people() < MIN_GROUP) {
      return g.people() + " " + name + " (needs " + MIN_GROUP + ")";
    }
    long left = g.people() - g.retained();
    if (g.retained() < MIN_EXPECTED || left < MIN_EXPECTED) {
      return name
          + ": "
          + g.retained()
          + " stayed and "
          + left
          + " left (needs "
          + MIN_EXPECTED
          + " of each)";
    }
    return null;
  }
}
