package io.tandem.bench;

import java.util.Map;

/**
 * What one platform's run measured: Tandem and the baseline side by side, plus what shows that
 * Tandem did the work behind its acks.
 *
 * @param title e.g. "Slack HTTP: /tandem log ack"
 * @param measures what one latency is, from when to when
 * @param parameters rate, durations, people, interleaving
 * @param tandem Tandem's acks
 * @param baseline the bare bot's acks
 * @param schedule how well the sender kept to the schedule
 * @param tandemAnswer from the send to the answer the person sees, Tandem's
 * @param baselineAnswer the same for the bare bot, which answers in its ack
 * @param verification counts that show the work was done
 */
record PartResult(
    String title,
    String measures,
    Map<String, Object> parameters,
    Latencies.Summary tandem,
    Latencies.Summary baseline,
    InterleavedLoad.Schedule schedule,
    Latencies.Summary tandemAnswer,
    Latencies.Summary baselineAnswer,
    Map<String, Object> verification) {

  static final double GOAL_P99_RATIO = 1.2;

  double ratioP50() {
    return ratio(tandem.p50(), baseline.p50());
  }

  double ratioP99() {
    return ratio(tandem.p99(), baseline.p99());
  }

  double answerRatioP99() {
    return ratio(tandemAnswer.p99(), baselineAnswer.p99());
  }

  double ratioP999() {
    return ratio(tandem.p999(), baseline.p999());
  }

  boolean meetsGoal() {
    return ratioP99() <= GOAL_P99_RATIO;
  }

  private static double ratio(double tandem, double baseline) {
    return baseline <= 0 ? Double.NaN : Math.round(tandem / baseline * 100) / 100.0;
  }
}
