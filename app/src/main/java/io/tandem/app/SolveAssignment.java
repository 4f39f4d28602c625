package io.tandem.app;

import io.tandem.core.matching.model.Assignment;
import io.tandem.core.matching.model.AssignmentSolver;
import io.tandem.core.matching.model.SparseCosts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tandem solve-assignment FILE}: solves an assignment instance in the OR-Library "assign"
 * format with Tandem's matching solver, to check it against published optima.
 *
 * <p>The file holds whitespace-separated whole numbers: first {@code n}, then either the full n×n
 * cost matrix row by row (as the OR-Library files do; recognised when exactly n·n numbers follow),
 * or triples {@code i j cost} with 1-based i and j, where every pair not listed is forbidden.
 */
@Command(
    name = "solve-assignment",
    description = {
      "Minimise the total cost of an assignment instance in OR-Library 'assign' format.",
      "FILE: n, then the n x n cost matrix row by row, or lines 'i j cost' (1-based;"
          + " pairs not listed are forbidden)."
    })
final class SolveAssignment implements Callable<Integer> {

  static final int INFEASIBLE = 1;
  static final int BAD_FILE = 2;

  @Parameters(paramLabel = "FILE", description = "The instance to solve.")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A problem in the file, at a 1-based line. */
  static final class BadInstance extends Exception {
    private static final long serialVersionUID = 1L;

    BadInstance(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  /** A parsed instance: dense when it was a full matrix or most pairs are listed. */
  record Instance(int n, long[][] dense, SparseCosts sparse, int pairs) {
    Assignment solve() {
      return dense != null
          ? AssignmentSolver.minimumCost(dense)
          : AssignmentSolver.minimumCost(sparse);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      long readStart = System.nanoTime();
      Instance instance;
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        instance = read(reader);
      }
      long solveStart = System.nanoTime();
      Assignment assignment = instance.solve();
      long solveEnd = System.nanoTime();
      if (assignment.matchedCount() < instance.n()) {
        err.println(
            "no complete assignment exists: at most "
                + assignment.matchedCount()
                + " of "
                + instance.n()
                + " rows can be assigned with the listed pairs");
        err.flush();
        return INFEASIBLE;
      }
      out.println("optimal cost: " + assignment.totalCost());
      out.println(
          "time: "
              + millis(solveEnd - solveStart)
              + " to solve, "
              + millis(solveStart - readStart)
              + " to read (n = "
              + instance.n()
              + ", "
              + instance.pairs()
              + " allowed pairs, "
              + (instance.dense() != null ? "dense" : "sparse")
              + " solver)");
      out.flush();
      return 0;
    } catch (BadInstance e) {
      err.println(file + ": " + e.getMessage());
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      err.println(file + ": " + e.getMessage());
    }
    err.flush();
    return BAD_FILE;
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  /** Reads the whole instance, reporting the first problem with its line number. */
  static Instance read(BufferedReader reader) throws IOException, BadInstance {
    Numbers numbers = Numbers.read(reader);
    long[] values = numbers.values();
    int[] lines = numbers.lines();
    int count = numbers.count();
    if (count == 0) {
      throw new BadInstance(
          Math.max(1, numbers.lastLineNo()), "the file is empty; it must start with n");
    }
    long n = values[0];
    if (n < 1 || n > 100_000) {
      throw new BadInstance(lines[0], "n must be between 1 and 100000, was " + n);
    }
    int rest = count - 1;
    if ((long) rest == n * n) {
      return fullMatrix(numbers, (int) n);
    }
    if (rest % 3 != 0) {
      throw new BadInstance(
          lines[count - 1],
          "after n = "
              + n
              + " expected either "
              + n * n
              + " costs (the full matrix) or lines 'i j cost', but found "
              + rest
              + " numbers");
    }
    return pairLines(numbers, (int) n);
  }

  /** Every whole number of the file, with the line it stands on. */
  private record Numbers(long[] values, int[] lines, int count, int lastLineNo) {

    static Numbers read(BufferedReader reader) throws IOException, BadInstance {
      long[] values = new long[1024];
      int[] lines = new int[1024];
      int count = 0;
      int lineNo = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        for (String token : line.trim().split("\\s+")) {
          if (token.isEmpty()) {
            continue;
          }
          long value;
          try {
            value = Long.parseLong(token);
          } catch (NumberFormatException e) {
            throw new BadInstance(lineNo, "\"" + token + "\" is not a whole number");
          }
          if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
            lines = Arrays.copyOf(lines, count * 2);
          }
          values[count] = value;
          lines[count] = lineNo;
          count++;
        }
      }
      return new Numbers(values, lines, count, lineNo);
    }
  }

  /** n, then the n×n costs row by row. */
  private static Instance fullMatrix(Numbers numbers, int size) throws BadInstance {
    int rest = numbers.count() - 1;
    long[][] dense = new long[size][size];
    for (int k = 0; k < rest; k++) {
      long cost = numbers.values()[k + 1];
      if (cost == AssignmentSolver.FORBIDDEN) {
        throw new BadInstance(numbers.lines()[k + 1], "cost " + cost + " is too large");
      }
      dense[k / size][k % size] = cost;
    }
    return new Instance(size, dense, null, rest);
  }

  /**
   * n, then one line {@code i j cost} per allowed pair; dense once a quarter of the pairs are
   * listed, sparse below that.
   */
  private static Instance pairLines(Numbers numbers, int size) throws BadInstance {
    long n = size;
    long[] values = numbers.values();
    int[] lines = numbers.lines();
    int count = numbers.count();
    SparseCosts.Builder builder = SparseCosts.builder(size, size);
    Map<Long, Integer> firstSeen = new HashMap<>();
    for (int k = 1; k < count; k += 3) {
      int at = lines[k];
      if (lines[k + 1] != at || lines[k + 2] != at) {
        throw new BadInstance(at, "each pair must be one line 'i j cost'");
      }
      long i = values[k];
      long j = values[k + 1];
      long cost = values[k + 2];
      if (i < 1 || i > n) {
        throw new BadInstance(at, "row " + i + " is outside 1.." + n);
      }
      if (j < 1 || j > n) {
        throw new BadInstance(at, "column " + j + " is outside 1.." + n);
      }
      if (cost == AssignmentSolver.FORBIDDEN) {
        throw new BadInstance(at, "cost " + cost + " is too large");
      }
      Integer earlier = firstSeen.putIfAbsent((i - 1) * n + (j - 1), at);
      if (earlier != null) {
        throw new BadInstance(
            at, "pair " + i + " " + j + " is listed twice (first on line " + earlier + ")");
      }
      builder.add((int) i - 1, (int) j - 1, cost);
    }
    int pairs = (count - 1) / 3;
    SparseCosts sparse = builder.build();
    if ((long) pairs * 4 >= n * n) {
      long[][] dense = new long[size][size];
      for (long[] row : dense) {
        Arrays.fill(row, AssignmentSolver.FORBIDDEN);
      }
      for (int k = 1; k < count; k += 3) {
        dense[(int) values[k] - 1][(int) values[k + 1] - 1] = values[k + 2];
      }
      return new Instance(size, dense, null, pairs);
    }
    return new Instance(size, null, sparse, pairs);
  }
}
