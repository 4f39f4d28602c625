package io.tandem.core.reports;

import io.tandem.core.reports.ProgramReport.Bucket;
import io.tandem.core.reports.ProgramReport.ScoreParts;

/**
 * A pair's engagement score, 0–100, and its health bucket. Pure; the README's "Reports" section
 * states the same formulas. The counts are over the pair's own rounds as {@link PairRounds} counts
 * them (ended rounds, and the round in progress once the pair met in it), so a score changes when
 * something happens or when a round the pair missed ends, never merely because time passed.
 */
public final class EngagementScore {

  /** Score at or above which a pair is thriving. */
  public static final int THRIVING = 70;

  /** Score at or above which a pair is steady. */
  public static final int STEADY = 40;

  private EngagementScore() {}

  /**
   * The score's parts from a pair's rounds: sessions in its latest counted round, the one before
   * and the two before those; acknowledgements (meeting way chosen, reminder moved, continued after
   * a quiet spell, asked for help, viewed logs, goals or tasks), plan work (goals and tasks set or
   * done, skills re-rated) and survey answers by either person in its latest four; a pair check-in
   * answered counts as a survey answer.
   */
  public static ScoreParts parts(PairRounds rounds) {
    double weighted =
        rounds.lastRound() + 0.5 * rounds.roundBefore() + 0.25 * rounds.twoRoundsBefore();
    return new ScoreParts(
        50 * Math.min(1.0, weighted / 2),
        15 * Math.min(1.0, rounds.acknowledgements() / 2.0),
        20 * Math.min(1.0, rounds.plan() / 3.0),
        15 * Math.min(1.0, rounds.surveyAnswers() / 2.0));
  }

  public static int score(ScoreParts parts) {
    return (int) Math.round(parts.total());
  }

  /**
   * The bucket: <i>gone quiet</i> for a pair with at least two ended rounds, no session in its
   * latest two counted rounds and nothing else in its latest four; otherwise by score, except that
   * a pair with no ended round yet is at least <i>steady</i> (it has had no chance to miss one).
   */
  public static Bucket bucket(int score, ScoreParts parts, PairRounds rounds) {
    boolean nothingElse = parts.acknowledgements() + parts.plan() + parts.surveys() == 0;
    if (rounds.ended() >= 2 && !rounds.metLately() && nothingElse) {
      return Bucket.GONE_QUIET;
    }
    if (score >= THRIVING) {
      return Bucket.THRIVING;
    }
    if (score >= STEADY || rounds.ended() < 1) {
      return Bucket.STEADY;
    }
    return Bucket.AT_RISK;
  }
}
