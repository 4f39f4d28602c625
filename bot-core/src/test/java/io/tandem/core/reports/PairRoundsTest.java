package io.tandem.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A pair's rounds, on a cadence of 10 (milliseconds, for short numbers): round 0 is [0, 10), round
 * 1 [10, 20), and so on. Every expectation is counted by hand in the comment above it.
 */
@DisplayName("A pair's rounds: ended rounds count, a round in progress only once the pair met")
class PairRoundsTest {

  private static final long ROUND = 10;

  private static PairRounds at(long end, Map<Long, Long> sessions) {
    PairRounds.Activity activity = PairRounds.Activity.empty();
    activity.sessions().putAll(sessions);
    return PairRounds.of(0, end, ROUND, activity);
  }

  @Test
  @DisplayName("a round still running without a session does not count against the pair")
  void roundInProgressDoesNotCount() {
    // met in rounds 0 and 1; at 25 round 2 is half gone: 2 rounds count, both met
    PairRounds r = at(25, Map.of(0L, 1L, 1L, 1L));
    assertThat(r.ended()).isEqualTo(2);
    assertThat(r.counted()).isEqualTo(2);
    assertThat(r.met()).isEqualTo(2);
    assertThat(r.meetingRegularly(2)).isTrue();
    assertThat(r.lastRound()).isEqualTo(1); // round 1, the latest that counts
  }

  @Test
  @DisplayName("a round in progress counts as soon as the pair has met in it")
  void roundInProgressCountsOnceMet() {
    PairRounds r = at(25, Map.of(0L, 1L, 1L, 1L, 2L, 2L));
    assertThat(r.counted()).isEqualTo(3);
    assertThat(r.met()).isEqualTo(3);
    assertThat(r.lastRound()).isEqualTo(2);
    assertThat(r.roundBefore()).isEqualTo(1);
    assertThat(r.twoRoundsBefore()).isEqualTo(1);
  }

  @Test
  @DisplayName("when a round the pair met in ends, nothing changes")
  void noJumpAtTheEndOfARoundTheyMetIn() {
    Map<Long, Long> sessions = Map.of(0L, 1L, 1L, 1L, 2L, 1L);
    // just before and just after round 2 ends
    PairRounds before = at(29, sessions);
    PairRounds after = at(30, sessions);
    assertThat(after.counted()).isEqualTo(before.counted()).isEqualTo(3);
    assertThat(after.met()).isEqualTo(before.met()).isEqualTo(3);
    assertThat(after.lastRound()).isEqualTo(before.lastRound());
  }

  @Test
  @DisplayName("a missed round counts once it has ended: 2 of 3 is regular, 2 of 4 is not")
  void missedRoundsCountWhenTheyEnd() {
    Map<Long, Long> sessions = Map.of(0L, 1L, 1L, 1L);
    // round 2 ended without a session: met 2 of 3, and 3 × 2 ≥ 2 × 3
    PairRounds oneMissed = at(30, sessions);
    assertThat(oneMissed.counted()).isEqualTo(3);
    assertThat(oneMissed.meetingRegularly(2)).isTrue();
    assertThat(oneMissed.metLately()).isTrue(); // round 1 is one of the latest two
    // round 3 ended too: met 2 of 4, and 3 × 2 < 2 × 4; nothing in the latest two rounds
    PairRounds twoMissed = at(40, sessions);
    assertThat(twoMissed.counted()).isEqualTo(4);
    assertThat(twoMissed.meetingRegularly(2)).isFalse();
    assertThat(twoMissed.metLately()).isFalse();
  }

  @Test
  @DisplayName("one session is never regular, however young the pair")
  void oneSessionIsNotRegular() {
    assertThat(at(5, Map.of(0L, 1L)).meetingRegularly(1)).isFalse();
    assertThat(at(5, Map.of()).counted()).isZero();
  }

  @Test
  @DisplayName("other activity counts from the fourth-latest counted round, the running one too")
  void activityWindow() {
    PairRounds.Activity activity = PairRounds.Activity.empty();
    activity.sessions().put(5L, 1L); // met in round 5: at 62, round 6 is running without one
    activity.acknowledgements().putAll(Map.of(1L, 1L, 2L, 1L, 6L, 1L));
    activity.plan().put(3L, 2L);
    activity.surveyAnswers().put(0L, 1L);
    PairRounds r = PairRounds.of(0, 62, ROUND, activity);
    // latest counted round is 5, so rounds 2 to 6 count: acknowledgements in 2 and 6
    assertThat(r.counted()).isEqualTo(6);
    assertThat(r.acknowledgements()).isEqualTo(2);
    assertThat(r.plan()).isEqualTo(2);
    assertThat(r.surveyAnswers()).isZero();
  }
}
