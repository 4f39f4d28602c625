package io.tandem.bench;

import io.tandem.core.matching.model.Assignment;
import io.tandem.core.matching.model.AssignmentSolver;
import io.tandem.core.matching.model.SparseCosts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Tandem's assignment solver against JGraphT, in one run: random dense instances (n = 500, 1000,
 * 2000; every pair allowed) against {@link KuhnMunkresMinimalWeightBipartitePerfectMatching}, and a
 * sparse instance (10 000 per side, 50 candidates each) against {@link
 * MaximumWeightBipartiteMatching}. Each pair of answers must be the same optimum, compared as exact
 * integers; the run fails otherwise.
 *
 * <p>The sparse instance always has a perfect matching (each row's candidates include a hidden
 * random permutation). JGraphT's algorithm maximises weight without requiring a perfect matching,
 * so it gets weight {@code BIG - cost} with {@code BIG = n * (maxCost - minCost) + 1}: a matching
 * with one pair fewer can then never weigh more, so its optimum is the minimum-cost perfect
 * matching, and {@code cost = n * BIG - weight} (all values stay below 2^53, so doubles are exact).
 *
 * <p>Time is wall-clock for the solve call only (building each library's input is reported
 * separately); memory is the bytes the solving thread allocated ({@code
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Both solvers are warmed up on smaller
 * instances first; Tandem's time is the median of several runs, JGraphT's a single run (it is
 * slow).
 *
 * <p>Run: {@code java -Xmx8g -cp bench/target/tandem-bench.jar io.tandem.bench.MatchingBenchmark
 * [--out DIR] [--jgrapht-dense-max N] [--quick]}. Writes {@code matching.md} and {@code
 * matching.json} to DIR (default {@code bench/results}).
 */
public final class MatchingBenchmark {

  static final long SEED = 20250301L;
  static final int MAX_COST = 1_000_000;
  static final double GOAL = 20.0;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** One timed solve. */
  record Run(long optimum, long nanos, long allocatedBytes, long buildNanos) {}

  /** One row of the report. */
  record Row(
      String kind,
      int n,
      long edges,
      Run tandem,
      Run jgrapht,
      String jgraphtNote,
      boolean equal,
      Double goal) {

    Double ratio() {
      return jgrapht == null ? null : (double) jgrapht.nanos() / tandem.nanos();
    }

    String verdict() {
      if (goal == null) {
        return "";
      }
      return ratio() != null && ratio() >= goal ? "PASS" : "MISS";
    }
  }

  private MatchingBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of("bench", "results");
    int jgraphtDenseMax = 1000;
    boolean quick = false;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--out" -> out = Path.of(args[++k]);
        case "--jgrapht-dense-max" -> jgraphtDenseMax = Integer.parseInt(args[++k]);
        case "--quick" -> quick = true;
        default -> {
          System.err.println(
              "usage: MatchingBenchmark [--out DIR] [--jgrapht-dense-max N] [--quick]");
          System.exit(2);
        }
      }
    }
    int[] denseSizes = quick ? new int[] {100, 200} : new int[] {500, 1000, 2000};
    int sparseN = quick ? 1000 : 10_000;
    int degree = 50;

    System.out.println("warming up...");
    warmUp();

    List<Row> rows = new ArrayList<>();
    for (int n : denseSizes) {
      rows.add(denseRow(n, quick ? 3 : 5, jgraphtDenseMax));
      MatchingResults.report(rows.get(rows.size() - 1));
    }
    rows.add(sparseRow(sparseN, degree, quick ? 3 : 5));
    MatchingResults.report(rows.get(rows.size() - 1));

    Files.createDirectories(out);
    Files.writeString(
        out.resolve("matching.md"), MatchingResults.markdown(rows), StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("matching.json"), MatchingResults.json(rows), StandardCharsets.UTF_8);
    System.out.println(
        "wrote " + out.resolve("matching.md") + " and " + out.resolve("matching.json"));
    boolean allEqual = rows.stream().allMatch(Row::equal);
    if (!allEqual) {
      System.err.println("OPTIMA DIFFER: see the report");
      System.exit(1);
    }
  }

  private static Row denseRow(int n, int repeats, int jgraphtDenseMax) {
    long[][] costs = dense(n, new Random(SEED + n));
    Run tandem = tandemDense(costs, repeats);
    Run jgrapht = null;
    String note = "";
    if (n <= jgraphtDenseMax) {
      System.out.printf(Locale.ROOT, "dense n=%d: JGraphT Kuhn-Munkres...%n", n);
      jgrapht = jgraphtDense(costs);
    } else {
      note = "JGraphT not run above n = " + jgraphtDenseMax + " (takes minutes)";
    }
    boolean equal = jgrapht == null || jgrapht.optimum() == tandem.optimum();
    return new Row("dense", n, (long) n * n, tandem, jgrapht, note, equal, n == 1000 ? GOAL : null);
  }

  private static Row sparseRow(int sparseN, int degree, int repeats) {
    Sparse instance = sparse(sparseN, degree, new Random(SEED));
    Run tandem = tandemSparse(instance, repeats);
    System.out.printf(Locale.ROOT, "sparse n=%d: JGraphT maximum weight matching...%n", sparseN);
    Run jgrapht = jgraphtSparse(instance);
    boolean equal = jgrapht.optimum() == tandem.optimum();
    return new Row("sparse", sparseN, instance.costs.edgeCount(), tandem, jgrapht, "", equal, GOAL);
  }

  // --- instances -----------------------------------------------------------------------------

  static long[][] dense(int n, Random random) {
    long[][] costs = new long[n][n];
    for (long[] row : costs) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextInt(MAX_COST);
      }
    }
    return costs;
  }

  record Sparse(int n, SparseCosts costs, int[] rowOf, int[] colOf, long[] cost) {}

  /** n rows and columns; row i lists column perm[i] plus degree-1 other random columns. */
  static Sparse sparse(int n, int degree, Random random) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[k];
      perm[k] = t;
    }
    SparseCosts.Builder builder = SparseCosts.builder(n, n);
    int edges = n * degree;
    int[] rowOf = new int[edges];
    int[] colOf = new int[edges];
    long[] cost = new long[edges];
    int at = 0;
    Set<Integer> chosen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      chosen.clear();
      chosen.add(perm[i]);
      while (chosen.size() < degree) {
        chosen.add(random.nextInt(n));
      }
      for (int j : chosen.stream().sorted().toList()) {
        long c = random.nextInt(MAX_COST);
        builder.add(i, j, c);
        rowOf[at] = i;
        colOf[at] = j;
        cost[at] = c;
        at++;
      }
    }
    return new Sparse(n, builder.build(), rowOf, colOf, cost);
  }

  // --- solvers -------------------------------------------------------------------------------

  private static void warmUp() {
    for (int k = 0; k < 5; k++) {
      AssignmentSolver.minimumCost(dense(300, new Random(k)));
      AssignmentSolver.minimumCost(sparse(2000, 20, new Random(k)).costs);
    }
    for (int k = 0; k < 2; k++) {
      jgraphtDense(dense(150, new Random(k)));
      jgraphtSparse(sparse(500, 10, new Random(k)));
    }
  }

  private static Run tandemDense(long[][] costs, int repeats) {
    return median(
        repeats,
        () -> {
          Assignment a = AssignmentSolver.minimumCost(costs);
          check(a.matchedCount() == costs.length, "Tandem left rows unmatched");
          return a.totalCost();
        },
        0);
  }

  private static Run tandemSparse(Sparse instance, int repeats) {
    return median(
        repeats,
        () -> {
          Assignment a = AssignmentSolver.minimumCost(instance.costs);
          check(a.matchedCount() == instance.n, "Tandem left rows unmatched");
          return a.totalCost();
        },
        0);
  }

  private static Run jgraphtDense(long[][] costs) {
    int n = costs.length;
    long buildStart = System.nanoTime();
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Set<Integer> left = new HashSet<>();
    Set<Integer> right = new HashSet<>();
    for (int v = 0; v < n; v++) {
      graph.addVertex(v);
      graph.addVertex(n + v);
      left.add(v);
      right.add(n + v);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        graph.setEdgeWeight(graph.addEdge(i, n + j), costs[i][j]);
      }
    }
    long buildNanos = System.nanoTime() - buildStart;
    Run run =
        measure(
            () -> {
              MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> m =
                  new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, left, right)
                      .getMatching();
              check(m.getEdges().size() == n, "JGraphT matching is not perfect");
              return exact(m.getWeight());
            },
            buildNanos);
    return run;
  }

  private static Run jgraphtSparse(Sparse instance) {
    int n = instance.n;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long c : instance.cost) {
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
    long big = n * (max - min) + 1;
    check(n * (big + Math.abs(min)) < (1L << 53), "weights too large for exact doubles");
    long buildStart = System.nanoTime();
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Set<Integer> left = new HashSet<>();
    Set<Integer> right = new HashSet<>();
    for (int v = 0; v < n; v++) {
      graph.addVertex(v);
      graph.addVertex(n + v);
      left.add(v);
      right.add(n + v);
    }
    for (int e = 0; e < instance.cost.length; e++) {
      graph.setEdgeWeight(
          graph.addEdge(instance.rowOf[e], n + instance.colOf[e]), big - (instance.cost[e] - min));
    }
    long buildNanos = System.nanoTime() - buildStart;
    long bigFinal = big;
    long minFinal = min;
    return measure(
        () -> {
          MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> m =
              new MaximumWeightBipartiteMatching<>(graph, left, right).getMatching();
          long k = m.getEdges().size();
          check(k == n, "JGraphT's heaviest matching is not perfect");
          return k * bigFinal + k * minFinal - exact(m.getWeight());
        },
        buildNanos);
  }

  private static long exact(double weight) {
    long rounded = Math.round(weight);
    check(Math.abs(weight - rounded) < 1e-6, "JGraphT weight " + weight + " is not whole");
    return rounded;
  }

  private static Run measure(Supplier<Long> solve, long buildNanos) {
    System.gc();
    long thread = Thread.currentThread().getId();
    long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
    long start = System.nanoTime();
    long optimum = solve.get();
    long nanos = System.nanoTime() - start;
    long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
    return new Run(optimum, nanos, allocated, buildNanos);
  }

  private static Run median(int repeats, Supplier<Long> solve, long buildNanos) {
    Run[] runs = new Run[repeats];
    for (int k = 0; k < repeats; k++) {
      runs[k] = measure(solve, buildNanos);
      check(runs[k].optimum() == runs[0].optimum(), "Tandem is not deterministic");
    }
    Arrays.sort(runs, (a, b) -> Long.compare(a.nanos(), b.nanos()));
    return runs[repeats / 2];
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
