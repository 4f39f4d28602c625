package io.tandem.core.reports;

import io.tandem.core.reports.ProgramReport.Usefulness;
import io.tandem.core.reports.persistence.PlanQueries;
import java.time.Instant;
import java.util.Map;

/**
 * Tasks set and done and the usefulness ratings of a report's period, per pair as read by one query
 * each, and for the whole program as their sums.
 *
 * @param tasks pair → {set, done}
 * @param ratings pair → {ratings, summed ratings}
 * @param threshold the fewest ratings whose mean is shown (the anonymity threshold)
 */
record PlanMeasures(Map<Long, long[]> tasks, Map<Long, long[]> ratings, int threshold) {

  static PlanMeasures read(
      PlanQueries q, long programId, Instant from, Instant end, int threshold) {
    return new PlanMeasures(
        q.tasksByPair(programId, from, end), q.usefulnessByPair(programId, from, end), threshold);
  }

  /** The pair's tasks {set, done}. */
  long[] tasks(long pairId) {
    return tasks.getOrDefault(pairId, new long[2]);
  }

  Usefulness usefulness(long pairId) {
    long[] r = ratings.getOrDefault(pairId, new long[2]);
    return Usefulness.of(r[0], r[1], threshold);
  }

  long tasksSet() {
    return tasks.values().stream().mapToLong(t -> t[0]).sum();
  }

  long tasksDone() {
    return tasks.values().stream().mapToLong(t -> t[1]).sum();
  }

  /** Every rating of the program's sessions in the period. */
  Usefulness usefulness() {
    long n = ratings.values().stream().mapToLong(r -> r[0]).sum();
    long sum = ratings.values().stream().mapToLong(r -> r[1]).sum();
    return Usefulness.of(n, sum, threshold);
  }
}
