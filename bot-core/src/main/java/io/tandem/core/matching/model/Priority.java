package io.tandem.core.matching.model;

import java.util.Arrays;
import java.util.List;

/**
 * People who waited since an earlier round go first: a bonus {@code B} on every allowed pair of a
 * waiting person, added to the pair's score before the exact solver runs. Hard rules stay hard: a
 * forbidden pair gets no bonus and stays forbidden.
 *
 * <p><b>Why it is exact.</b> Let {@code P = min(slots, mentees)} be the most pairs any assignment
 * can have and {@code S} the largest allowed pair score (all scores are at least 0), and take
 * {@code B = P·S + 1}. An assignment's objective is then {@code score + B·K}, where {@code K}
 * counts the waiting people it matches: a waiting mentee's bonus is on each of her pairs and she is
 * in at most one; a waiting mentor's is on the pairs of his first slot only, and an optimal
 * assignment that gives him anyone uses that slot (its row is his other slots' row plus the bonus).
 * The scores of two assignments differ by at most {@code P·S < B}, so one with more waiting people
 * matched always wins, and among those with as many, the higher score. The solver first maximises
 * the number of pairs; that never costs a waiting person, because a largest matching can be reached
 * from any matching by augmenting paths, and augmenting keeps everyone matched who was. So the
 * result has the most pairs, of those the most waiting people matched, and of those the best score,
 * all exactly.
 */
final class Priority {

  private final boolean[] mentorWaits;
  private final boolean[] menteeWaits;
  private final long bonus;

  private Priority(boolean[] mentorWaits, boolean[] menteeWaits, long bonus) {
    this.mentorWaits = mentorWaits;
    this.menteeWaits = menteeWaits;
    this.bonus = bonus;
  }

  /**
   * The priority of the waiting people in the pools, over the table of scores in millipoints
   * ({@link AssignmentSolver#FORBIDDEN} where not allowed), before it is turned into costs.
   *
   * @throws IllegalArgumentException when the bonus would overflow (weights near their maximum in a
   *     huge pool)
   */
  static Priority of(List<Candidate> mentors, List<Candidate> mentees, long[][] millis, int slots) {
    boolean[] mentorWaits = new boolean[mentors.size()];
    boolean[] menteeWaits = new boolean[mentees.size()];
    boolean any = false;
    for (int i = 0; i < mentorWaits.length; i++) {
      mentorWaits[i] = mentors.get(i).waiting();
      any |= mentorWaits[i];
    }
    for (int j = 0; j < menteeWaits.length; j++) {
      menteeWaits[j] = mentees.get(j).waiting();
      any |= menteeWaits[j];
    }
    if (!any) {
      return new Priority(mentorWaits, menteeWaits, 0);
    }
    long best = 0;
    for (long[] row : millis) {
      for (long score : row) {
        if (score != AssignmentSolver.FORBIDDEN) {
          best = Math.max(best, score);
        }
      }
    }
    long pairs = Math.min(slots, mentees.size());
    try {
      return new Priority(
          mentorWaits, menteeWaits, Math.addExact(Math.multiplyExact(pairs, best), 1));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the weights are too large to give waiting people first");
    }
  }

  /** The bonus on every allowed pair of mentee {@code j}: {@code B} if she waits, else 0. */
  long menteeBonus(int j) {
    return menteeWaits[j] ? bonus : 0;
  }

  boolean mentorWaits(int i) {
    return mentorWaits[i];
  }

  /** A waiting mentor's first slot: his row of costs with the bonus taken off each allowed pair. */
  long[] firstSlot(long[] costs) {
    long[] row = Arrays.copyOf(costs, costs.length);
    for (int j = 0; j < row.length; j++) {
      if (row[j] != AssignmentSolver.FORBIDDEN) {
        row[j] = Math.subtractExact(row[j], bonus);
      }
    }
    return row;
  }
}
