package io.tandem.core.matching.model;

import static io.tandem.core.matching.model.AssignmentSolver.FORBIDDEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The solver against two independent exact answers: JGraphT on many random instances and brute
 * force on small ones. Every instance is solved by both the dense and the sparse variant.
 */
class AssignmentSolverTest {

  /** The lexicographic optimum: most pairs first, then lowest total cost. */
  record Optimum(int matched, long cost) {}

  @Test
  @DisplayName("complete square instances: equal to JGraphT Kuhn-Munkres")
  void completeSquareEqualsKuhnMunkres() {
    Random random = new Random(42);
    for (int round = 0; round < 60; round++) {
      int n = 1 + random.nextInt(40);
      long[][] costs =
          randomCosts(random, n, n, 0.0, -50 + random.nextInt(50), 1 + random.nextInt(1000));

      Optimum expected = kuhnMunkres(costs);

      assertSolvers(costs, expected, "round " + round);
    }
  }

  @Test
  @DisplayName("forbidden pairs, rectangular, sparse: equal to JGraphT maximum weight matching")
  void forbiddenAndRectangularEqualJGraphT() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(30);
      int m = 1 + random.nextInt(30);
      double forbidden = random.nextDouble();
      long[][] costs =
          randomCosts(random, n, m, forbidden, random.nextInt(20) - 10, 1 + random.nextInt(100));

      Optimum expected = jgraphtLexicographic(costs);

      assertSolvers(costs, expected, "round " + round);
    }
  }

  @Test
  @DisplayName("small instances: equal to brute force over every matching")
  void smallEqualsBruteForce() {
    Random random = new Random(2024);
    for (int round = 0; round < 2000; round++) {
      int n = 1 + random.nextInt(6);
      int m = 1 + random.nextInt(6);
      long[][] costs =
          randomCosts(
              random,
              n,
              m,
              random.nextDouble() * 0.8,
              random.nextInt(11) - 5,
              1 + random.nextInt(9));

      Optimum expected = bruteForce(costs);

      assertSolvers(costs, expected, "round " + round);
    }
  }

  @Test
  @DisplayName("capacities expanded as slots: equal to JGraphT on the expanded graph")
  void capacitiesAsSlots() {
    Random random = new Random(99);
    for (int round = 0; round < 100; round++) {
      int mentors = 1 + random.nextInt(12);
      int mentees = 1 + random.nextInt(30);
      long[][] perMentor = randomCosts(random, mentors, mentees, 0.3, 0, 50);
      int slots = 0;
      int[] capacity = new int[mentors];
      for (int i = 0; i < mentors; i++) {
        capacity[i] = 1 + random.nextInt(3);
        slots += capacity[i];
      }
      long[][] expanded = new long[slots][];
      int at = 0;
      for (int i = 0; i < mentors; i++) {
        for (int k = 0; k < capacity[i]; k++) {
          expanded[at++] = perMentor[i].clone();
        }
      }

      Optimum expected = jgraphtLexicographic(expanded);

      assertSolvers(expanded, expected, "round " + round);
    }
  }

  @Test
  @DisplayName("matching more people beats a cheaper set with fewer pairs")
  void cardinalityComesFirst() {
    long[][] costs = {
      {1, 100},
      {2, FORBIDDEN},
    };

    Assignment result = AssignmentSolver.minimumCost(costs);

    assertThat(result.matchedCount()).isEqualTo(2);
    assertThat(result.totalCost()).isEqualTo(102);
    assertThat(result.columnOf(0)).isEqualTo(1);
    assertThat(result.columnOf(1)).isEqualTo(0);
  }

  @Test
  @DisplayName("among equally many pairs the cheaper one wins, even if an earlier row loses")
  void cheaperRowWinsTheOnlyColumn() {
    long[][] costs = {{10}, {1}};

    Assignment result = AssignmentSolver.minimumCost(costs);

    assertThat(result.matchedCount()).isEqualTo(1);
    assertThat(result.totalCost()).isEqualTo(1);
    assertThat(result.columnOf(0)).isEqualTo(Assignment.UNMATCHED);
    assertThat(result.rowOf(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("empty and all-forbidden instances match nobody")
  void emptyInstances() {
    assertThat(AssignmentSolver.minimumCost(new long[0][0]).matchedCount()).isZero();
    assertThat(AssignmentSolver.minimumCost(new long[][] {{FORBIDDEN, FORBIDDEN}}).matchedCount())
        .isZero();
    assertThat(AssignmentSolver.minimumCost(SparseCosts.builder(3, 0).build()).matchedCount())
        .isZero();
  }

  @Test
  @DisplayName("costs too far apart for exact arithmetic are rejected, not silently wrong")
  void overflowIsRejected() {
    long[][] costs = {{Long.MAX_VALUE / 2, -Long.MAX_VALUE / 2}, {0, 0}};

    assertThatThrownBy(() -> AssignmentSolver.minimumCost(costs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too far apart");
  }

  @Test
  @DisplayName("a pair listed twice keeps its lower cost")
  void duplicatePairsKeepTheLowerCost() {
    SparseCosts costs = SparseCosts.builder(1, 1).add(0, 0, 9).add(0, 0, 4).build();

    assertThat(AssignmentSolver.minimumCost(costs).totalCost()).isEqualTo(4);
    assertThat(costs.edgeCount()).isEqualTo(1);
  }

  // --- helpers -------------------------------------------------------------------------------

  static long[][] randomCosts(
      Random random, int n, int m, double forbidden, long low, long spread) {
    long[][] costs = new long[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        costs[i][j] =
            random.nextDouble() < forbidden ? FORBIDDEN : low + random.nextInt((int) spread);
      }
    }
    return costs;
  }

  static SparseCosts toSparse(long[][] costs) {
    int m = costs.length == 0 ? 0 : costs[0].length;
    SparseCosts.Builder builder = SparseCosts.builder(costs.length, m);
    for (int i = 0; i < costs.length; i++) {
      for (int j = 0; j < m; j++) {
        if (costs[i][j] != FORBIDDEN) {
          builder.add(i, j, costs[i][j]);
        }
      }
    }
    return builder.build();
  }

  private static void assertSolvers(long[][] costs, Optimum expected, String label) {
    Assignment dense = AssignmentSolver.minimumCost(costs);
    Assignment sparse = AssignmentSolver.minimumCost(toSparse(costs));
    for (Assignment result : new Assignment[] {dense, sparse}) {
      assertThat(new Optimum(result.matchedCount(), result.totalCost()))
          .as(label)
          .isEqualTo(expected);
      assertValid(costs, result, label);
    }
  }

  /** Only allowed pairs, every column used at most once, and the reported total adds up. */
  static void assertValid(long[][] costs, Assignment result, String label) {
    Set<Integer> used = new HashSet<>();
    long total = 0;
    for (int i = 0; i < costs.length; i++) {
      int j = result.columnOf(i);
      if (j != Assignment.UNMATCHED) {
        assertThat(costs[i][j]).as(label).isNotEqualTo(FORBIDDEN);
        assertThat(used.add(j)).as(label + ": column used twice").isTrue();
        assertThat(result.rowOf(j)).isEqualTo(i);
        total += costs[i][j];
      }
    }
    assertThat(result.totalCost()).as(label).isEqualTo(total);
  }

  static Optimum kuhnMunkres(long[][] costs) {
    int n = costs.length;
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph = bipartite(costs, 0);
    Set<Integer> rows = new HashSet<>();
    Set<Integer> cols = new HashSet<>();
    for (int i = 0; i < n; i++) {
      rows.add(i);
      cols.add(n + i);
    }
    MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
        new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, rows, cols).getMatching();
    return new Optimum(matching.getEdges().size(), Math.round(matching.getWeight()));
  }

  /**
   * Max-weight matching with weight {@code big - (cost - min)}: with big above every possible cost
   * difference, the heaviest matching is the one with the most pairs, then the lowest cost.
   */
  static Optimum jgraphtLexicographic(long[][] costs) {
    int n = costs.length;
    int m = costs[0].length;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long[] row : costs) {
      for (long c : row) {
        if (c != FORBIDDEN) {
          min = Math.min(min, c);
          max = Math.max(max, c);
        }
      }
    }
    if (min > max) {
      return new Optimum(0, 0);
    }
    long big = (long) Math.min(n, m) * (max - min) + 1;
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Set<Integer> rows = new HashSet<>();
    Set<Integer> cols = new HashSet<>();
    for (int i = 0; i < n; i++) {
      graph.addVertex(i);
      rows.add(i);
    }
    for (int j = 0; j < m; j++) {
      graph.addVertex(n + j);
      cols.add(n + j);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        if (costs[i][j] != FORBIDDEN) {
          DefaultWeightedEdge e = graph.addEdge(i, n + j);
          graph.setEdgeWeight(e, big - (costs[i][j] - min));
        }
      }
    }
    MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
        new MaximumWeightBipartiteMatching<>(graph, rows, cols).getMatching();
    long k = matching.getEdges().size();
    long weight = Math.round(matching.getWeight());
    return new Optimum((int) k, k * big + k * min - weight);
  }

  private static SimpleWeightedGraph<Integer, DefaultWeightedEdge> bipartite(
      long[][] costs, long shift) {
    int n = costs.length;
    int m = costs[0].length;
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < n + m; v++) {
      graph.addVertex(v);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        DefaultWeightedEdge e = graph.addEdge(i, n + j);
        graph.setEdgeWeight(e, costs[i][j] + shift);
      }
    }
    return graph;
  }

  static Optimum bruteForce(long[][] costs) {
    Optimum[] best = {new Optimum(0, 0)};
    search(costs, 0, new boolean[costs[0].length], 0, 0, best);
    return best[0];
  }

  private static void search(
      long[][] costs, int row, boolean[] used, int matched, long cost, Optimum[] best) {
    if (row == costs.length) {
      Optimum b = best[0];
      if (matched > b.matched() || (matched == b.matched() && cost < b.cost())) {
        best[0] = new Optimum(matched, cost);
      }
      return;
    }
    search(costs, row + 1, used, matched, cost, best);
    for (int j = 0; j < used.length; j++) {
      if (!used[j] && costs[row][j] != FORBIDDEN) {
        used[j] = true;
        search(costs, row + 1, used, matched + 1, cost + costs[row][j], best);
        used[j] = false;
      }
    }
  }
}
