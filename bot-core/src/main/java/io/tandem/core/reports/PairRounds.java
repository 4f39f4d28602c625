package io.tandem.core.reports;

import java.util.HashMap;
import java.util.Map;

/**
 * One pair's rounds as of an instant, the time unit of every per-pair definition in the README's
 * "Reports" section. Pure.
 *
 * <p>A pair's rounds follow the program's cadence from the moment the pair was made: round 0 is
 * {@code [made, made + cadence)}, round 1 the next, and so on. At the as-of instant (or the pair's
 * end, when it ended earlier) each round has <i>ended</i> or is <i>in progress</i>. The rounds that
 * <i>count</i> are the ended ones, plus the round in progress once the pair has met in it: a round
 * still running never counts against a pair, so a number changes at a round's end only when a pair
 * missed that round.
 *
 * @param ended rounds that ended before the as-of instant (or the pair's end)
 * @param counted rounds that count: {@code ended}, plus one when the pair met in the round in
 *     progress
 * @param met counted rounds with at least one session
 * @param lastRound sessions in the latest counted round; {@code roundBefore} in the one before it;
 *     {@code twoRoundsBefore} in the two before those
 * @param acknowledgements the pair's acknowledgements since the start of the fourth-latest counted
 *     round (the round in progress included); {@code plan} and {@code surveyAnswers} likewise
 */
public record PairRounds(
    long ended,
    long counted,
    long met,
    long lastRound,
    long roundBefore,
    long twoRoundsBefore,
    long acknowledgements,
    long plan,
    long surveyAnswers) {

  /** How many counted rounds back the acknowledgements, plan work and survey answers reach. */
  static final int ACTIVITY_ROUNDS = 4;

  /**
   * What a pair did, per round index (0 = the round it was made in).
   *
   * @param sessions sessions per round
   * @param acknowledgements acknowledgements per round
   * @param plan plan work per round
   * @param surveyAnswers survey answers by either person per round
   */
  public record Activity(
      Map<Long, Long> sessions,
      Map<Long, Long> acknowledgements,
      Map<Long, Long> plan,
      Map<Long, Long> surveyAnswers) {

    public static Activity empty() {
      return new Activity(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }
  }

  /**
   * The pair's rounds.
   *
   * @param madeMillis when the pair was made
   * @param endMillis the as-of instant, or the pair's end when it ended before it
   * @param roundMillis the cadence
   */
  static PairRounds of(long madeMillis, long endMillis, long roundMillis, Activity activity) {
    long ended = Math.max(0, (endMillis - madeMillis) / roundMillis);
    boolean metInProgress = get(activity.sessions(), ended) > 0;
    long latest = metInProgress ? ended : ended - 1;
    long met = 0;
    for (Map.Entry<Long, Long> round : activity.sessions().entrySet()) {
      if (round.getKey() >= 0 && round.getKey() <= latest && round.getValue() > 0) {
        met++;
      }
    }
    long since = latest - (ACTIVITY_ROUNDS - 1);
    return new PairRounds(
        ended,
        latest + 1,
        met,
        get(activity.sessions(), latest),
        get(activity.sessions(), latest - 1),
        get(activity.sessions(), latest - 2) + get(activity.sessions(), latest - 3),
        sumFrom(activity.acknowledgements(), since),
        sumFrom(activity.plan(), since),
        sumFrom(activity.surveyAnswers(), since));
  }

  /** How far back (in whole rounds before the as-of) the activity of any pair can count. */
  static long activityReach() {
    return ACTIVITY_ROUNDS + 1L;
  }

  /**
   * Met in at least two thirds of the counted rounds, with at least two sessions in all (so one
   * session in a pair's first round is not yet "regular").
   */
  boolean meetingRegularly(long sessions) {
    return sessions >= 2 && counted > 0 && 3 * met >= 2 * counted;
  }

  /** Met in the latest two counted rounds. */
  boolean metLately() {
    return lastRound + roundBefore > 0;
  }

  private static long get(Map<Long, Long> perRound, long round) {
    return round < 0 ? 0 : perRound.getOrDefault(round, 0L);
  }

  private static long sumFrom(Map<Long, Long> perRound, long first) {
    long sum = 0;
    for (Map.Entry<Long, Long> round : perRound.entrySet()) {
      if (round.getKey() >= Math.max(0, first)) {
        sum += round.getValue();
      }
    }
    return sum;
  }
}
