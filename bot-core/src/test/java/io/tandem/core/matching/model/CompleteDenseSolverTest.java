package io.tandem.core.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.matching.model.AssignmentSolverTest.Optimum;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The square, every-pair-allowed path (LAPJV) against brute force on small random instances and
 * against the sparse solver, which takes the general path, on larger ones. Narrow cost ranges make
 * many ties, where the reductions are most delicate.
 */
class CompleteDenseSolverTest {

  @Test
  @DisplayName("small complete squares, many ties: equal to brute force over every matching")
  void smallEqualsBruteForce() {
    Random random = new Random(1987);
    for (int round = 0; round < 3000; round++) {
      int n = 1 + random.nextInt(7);
      long spread = 1 + random.nextInt(round % 3 == 0 ? 3 : 50);
      long[][] costs =
          AssignmentSolverTest.randomCosts(random, n, n, 0.0, random.nextInt(21) - 10, spread);

      Assignment dense = AssignmentSolver.minimumCost(costs);

      String label = "round " + round;
      assertThat(new Optimum(dense.matchedCount(), dense.totalCost()))
          .as(label)
          .isEqualTo(AssignmentSolverTest.bruteForce(costs));
      AssignmentSolverTest.assertValid(costs, dense, label);
    }
  }

  @Test
  @DisplayName("complete squares up to 300: equal to the general sparse path")
  void largerEqualsSparsePath() {
    Random random = new Random(38);
    for (int round = 0; round < 40; round++) {
      int n = 2 + random.nextInt(300);
      long spread = 1 + random.nextInt(round % 2 == 0 ? 10 : 1_000_000);
      long[][] costs = AssignmentSolverTest.randomCosts(random, n, n, 0.0, -spread / 2, spread);

      Assignment dense = AssignmentSolver.minimumCost(costs);
      Assignment sparse = AssignmentSolver.minimumCost(AssignmentSolverTest.toSparse(costs));

      String label = "round " + round + ", n = " + n;
      assertThat(dense.matchedCount()).as(label).isEqualTo(n);
      assertThat(dense.totalCost()).as(label).isEqualTo(sparse.totalCost());
      AssignmentSolverTest.assertValid(costs, dense, label);
    }
  }
}
