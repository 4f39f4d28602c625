package io.tandem.core.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.matching.model.AssignmentSolverTest.Optimum;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The square, every-pair-allowed path (LAPJV) against brute force on small random instances and
 * against the sparse solver, which takes the general path, on larger ones. Narrow cost ranges make
 * many ties, where the reductions are most delicate. Its matrix holds ints when the costs fit:
 * wider ones take the general path on longs, as exact.
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

      assertEqualsBruteForce(costs, "round " + round);
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

      assertThat(assertEqualsSparsePath(costs, "round " + round + ", n = " + n).matchedCount())
          .isEqualTo(n);
    }
  }

  @Test
  @DisplayName("forbidden pairs and uneven sides up to 300, squared for LAPJV: equal to sparse")
  void squaredEqualsSparsePath() {
    Random random = new Random(1987_38);
    for (int round = 0; round < 40; round++) {
      int n = 2 + random.nextInt(300);
      int m = Math.max(1, n / 2 + random.nextInt(n + n / 2));
      long spread = 1 + random.nextInt(round % 2 == 0 ? 10 : 100_000);
      double forbidden = round % 3 == 0 ? 0.05 : 0.6;
      long[][] costs =
          AssignmentSolverTest.randomCosts(random, n, m, forbidden, -spread / 2, spread);

      assertEqualsSparsePath(costs, "round " + round + ", " + n + " x " + m);
    }
  }

  @Test
  @DisplayName("costs too far apart to be held as ints are solved as exactly, on longs")
  void wideCostsStayExact() {
    Random random = new Random(17);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(7);
      long spread = 3L * Integer.MAX_VALUE + random.nextInt(1000);
      double forbidden = round % 2 == 0 ? 0.0 : 0.3;
      long[][] costs = new long[n][n];
      for (long[] row : costs) {
        for (int j = 0; j < n; j++) {
          row[j] =
              random.nextDouble() < forbidden
                  ? AssignmentSolver.FORBIDDEN
                  : random.nextLong() % spread; // up to three times an int's range either side
        }
      }

      assertEqualsBruteForce(costs, "round " + round);
    }
  }

  private static void assertEqualsBruteForce(long[][] costs, String label) {
    Assignment dense = AssignmentSolver.minimumCost(costs);
    assertThat(new Optimum(dense.matchedCount(), dense.totalCost()))
        .as(label)
        .isEqualTo(AssignmentSolverTest.bruteForce(costs));
    AssignmentSolverTest.assertValid(costs, dense, label);
  }

  /** Returns the dense solver's answer, once checked. */
  private static Assignment assertEqualsSparsePath(long[][] costs, String label) {
    Assignment dense = AssignmentSolver.minimumCost(costs);
    Assignment sparse = AssignmentSolver.minimumCost(AssignmentSolverTest.toSparse(costs));
    assertThat(new Optimum(dense.matchedCount(), dense.totalCost()))
        .as(label)
        .isEqualTo(new Optimum(sparse.matchedCount(), sparse.totalCost()));
    AssignmentSolverTest.assertValid(costs, dense, label);
    return dense;
  }
}
