package io.tandem.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.core.matching.model.Assignment;
import io.tandem.core.matching.model.AssignmentSolver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Tandem's exact assignment solver against scipy's {@code linear_sum_assignment} on the same dense
 * instances, in one run: the matching benchmark's random n x n matrices (n = 500, 1 000, 2 000, the
 * same seeds), each written to a file of little-endian int64 that a {@code python3} child process
 * reads ({@code scipy_lsap.py}, shipped in this jar). The two optima must be equal as exact
 * integers; the run fails otherwise. Per size, scipy's repeats run first, then Tandem's, so both
 * see the same machine minutes; each side's time is the median of its repeats after a warm-up, the
 * solve call only (scipy's float conversion of the matrix is outside its timing, as Tandem's matrix
 * is already built).
 *
 * <p>Run: {@code java -jar bench/target/tandem-bench.jar matching-scipy [--out DIR] [--repeats K]
 * [--sizes 500,1000,2000] [--python PATH]}. Writes {@code matching-scipy.md} and {@code .json}.
 */
final class ScipyMatchingBenchmark {

  static final double GOAL = 1.0;

  private ScipyMatchingBenchmark() {}

  static int main(List<String> args) throws IOException, InterruptedException {
    Map<String, String> o = BenchArgs.pairs(args);
    Path out = Path.of(o.getOrDefault("--out", "bench/results"));
    int repeats = Integer.parseInt(o.getOrDefault("--repeats", "7"));
    int[] sizes =
        Arrays.stream(o.getOrDefault("--sizes", "500,1000,2000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    String python = o.getOrDefault("--python", "python3");
    Path work = Files.createTempDirectory("tandem-lsap");
    Path script = work.resolve("scipy_lsap.py");
    try (InputStream in = ScipyMatchingBenchmark.class.getResourceAsStream("scipy_lsap.py")) {
      Files.copy(in, script);
    }
    for (int k = 0; k < 5; k++) {
      AssignmentSolver.minimumCost(MatchingBenchmark.dense(300, new Random(k)));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    boolean allEqual = true;
    double worst = 0;
    String versions = "";
    for (int n : sizes) {
      long[][] costs = MatchingBenchmark.dense(n, new Random(MatchingBenchmark.SEED + n));
      Path file = work.resolve("dense-" + n + ".i64");
      write(costs, file);
      List<JsonObject> lines = python(python, script, repeats, file);
      Files.delete(file);
      versions = lines.get(0).toString();
      double ratio = compare(n, costs, lines.get(1), repeats, result);
      allEqual &= ratio >= 0;
      if (n >= 1000) {
        worst = Math.max(worst, ratio);
      }
    }
    Files.delete(script);
    Files.delete(work);
    result.put("worst ratio at n >= 1000", ResultFiles.round3(worst));
    result.put("verdict", allEqual && worst <= GOAL ? "PASS" : "MISS");
    Map<String, String> env = ResultFiles.environment("matching-scipy", String.join(" ", args));
    env.put("python", versions);
    ResultFiles.write(
        out, "matching-scipy", HEADING, method(repeats), "goal ratio", GOAL, result, env);
    if (!allEqual) {
      System.err.println("OPTIMA DIFFER: see the report");
      return 1;
    }
    return 0;
  }

  private static final String HEADING =
      "# Matching solver against scipy\n\nGoal: Tandem's exact solver at most "
          + GOAL
          + "x scipy's `linear_sum_assignment` on the same dense instances at n = 1 000 and"
          + " 2 000, with equal optima.\n\n";

  private static String method(int repeats) {
    return "\nDense n x n, every pair allowed, costs uniform in [0, 1 000 000) (the matching"
        + " benchmark's instances and seeds). scipy reads the same matrix from a file of int64"
        + " in a python3 child process and solves it as float64 (exact at these magnitudes);"
        + " the optimum it reports is summed from the int64 matrix. Per size scipy runs first,"
        + " then Tandem, "
        + repeats
        + " times each after a warm-up; times are medians of the solve call. The 2-core"
        + " machine is shared: see the load average.\n\n";
  }

  /** Times Tandem on {@code costs}; the ratio to scipy, or -1 when the optima differ. */
  private static double compare(
      int n, long[][] costs, JsonObject scipy, int repeats, Map<String, Object> result) {
    long scipyOptimum = scipy.get("optimum").getAsLong();
    long[] scipyNanos = new long[repeats];
    for (int k = 0; k < repeats; k++) {
      scipyNanos[k] = scipy.getAsJsonArray("nanos").get(k).getAsLong();
    }
    long tandemOptimum = -1;
    long[] tandemNanos = new long[repeats];
    for (int k = 0; k < repeats; k++) {
      long start = System.nanoTime();
      Assignment a = AssignmentSolver.minimumCost(costs);
      tandemNanos[k] = System.nanoTime() - start;
      if (a.matchedCount() != n) {
        throw new IllegalStateException("Tandem left rows unmatched at n = " + n);
      }
      tandemOptimum = a.totalCost();
    }
    double tandemMs = median(tandemNanos) / 1e6;
    double scipyMs = median(scipyNanos) / 1e6;
    double ratio = tandemMs / scipyMs;
    boolean equal = tandemOptimum == scipyOptimum;
    System.out.printf(
        Locale.ROOT,
        "n=%d: Tandem %.1f ms, scipy %.1f ms, ratio %.2f, optima %d / %d%n",
        n,
        tandemMs,
        scipyMs,
        ratio,
        tandemOptimum,
        scipyOptimum);
    result.put("n = " + n + ": Tandem (ms, median)", ResultFiles.round(tandemMs));
    result.put("n = " + n + ": scipy (ms, median)", ResultFiles.round(scipyMs));
    result.put("n = " + n + ": Tandem / scipy", ResultFiles.round3(ratio));
    result.put("n = " + n + ": optimum (both)", equal ? tandemOptimum : "DIFFERENT");
    return equal ? ratio : -1;
  }

  private static void write(long[][] costs, Path file) throws IOException {
    int n = costs.length;
    ByteBuffer buf = ByteBuffer.allocate(n * n * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (long[] row : costs) {
      for (long c : row) {
        buf.putLong(c);
      }
    }
    Files.write(file, buf.array());
  }

  private static List<JsonObject> python(String python, Path script, int repeats, Path file)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(python, script.toString(), Integer.toString(repeats), file.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<JsonObject> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(JsonParser.parseString(line).getAsJsonObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (p.waitFor() != 0 || lines.size() != 2) {
      throw new IllegalStateException("python3 with scipy failed (exit " + p.exitValue() + ")");
    }
    return lines;
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
