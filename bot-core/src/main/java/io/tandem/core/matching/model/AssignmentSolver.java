package io.tandem.core.matching.model;

import java.util.Arrays;

/**
 * Exact minimum-cost assignment on a bipartite graph where some pairs are forbidden and not
 * everybody has to be matched.
 *
 * <p><b>Objective (lexicographic).</b> Among all matchings that use only allowed pairs, the solver
 * returns one that matches the <em>largest number of rows</em>, and among those one with the
 * <em>smallest total cost</em>. Ties between equally good answers are broken arbitrarily but
 * deterministically. When a perfect matching exists this is the classic assignment problem.
 *
 * <p><b>How.</b> Every row gets a private "stay unmatched" column whose cost {@code PENALTY} is
 * larger than any possible difference in total cost between two matchings ({@code min(rows,
 * columns) * (maxCost - minCost) + 1} above the cheapest cost), so paying it once more can never be
 * worth a cheaper set of pairs. That turns the problem into one where every row is matched, solved
 * row by row with shortest augmenting paths on reduced costs (Jonker–Volgenant / Hungarian
 * potentials, Dijkstra), after a start in which each row takes its cheapest column if still free. A
 * square matrix with every pair allowed needs no "unmatched" columns and goes to {@link
 * CompleteDenseSolver} (LAPJV, whose reductions leave few rows for the augmenting paths), as does
 * any matrix at most twice as long as wide, squared with the penalty, when its costs fit that
 * solver's {@code int} matrix. Otherwise the dense variant scans a full row of the matrix per step
 * (O(n²m) worst case); the sparse variant walks adjacency lists with a binary heap (O(n·E·log m)
 * worst case, much less in practice: columns at least as far as the best path found so far never
 * enter the heap). The unmatched columns are implicit, so they cost O(1) per step.
 *
 * <p>All arithmetic is on {@code long} and exact; an instance whose costs are so large that the
 * penalty or a path length could overflow is rejected with {@link IllegalArgumentException}.
 *
 * <p>Stateless and thread-safe: each call allocates its own working arrays.
 */
public final class AssignmentSolver {

  /** Marks a forbidden pair in a dense cost matrix. */
  public static final long FORBIDDEN = Long.MAX_VALUE;

  private static final long INF = Long.MAX_VALUE / 2;

  private AssignmentSolver() {}

  /**
   * Solves a dense instance: {@code costs[row][col]}, {@link #FORBIDDEN} for pairs that may not be
   * matched. All rows must have the same length.
   */
  public static Assignment minimumCost(long[][] costs) {
    return minimumCost(costs, false);
  }

  /**
   * As {@link #minimumCost(long[][])}, but when {@code reuseRows} (the caller no longer needs the
   * rows) {@code costs}' entries may be cleared as the solver copies them, so that a big matrix is
   * not held twice. Rows may be one array shared by several rows.
   */
  static Assignment minimumCost(long[][] costs, boolean reuseRows) {
    int n = costs.length;
    int m = n == 0 ? 0 : costs[0].length;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean complete = true;
    for (long[] row : costs) {
      if (row.length != m) {
        throw new IllegalArgumentException("all rows of the cost matrix must have length " + m);
      }
      for (long c : row) {
        if (c != FORBIDDEN) {
          min = Math.min(min, c);
          max = Math.max(max, c);
        } else {
          complete = false;
        }
      }
    }
    int[] colOf = new int[n];
    Arrays.fill(colOf, Assignment.UNMATCHED);
    if (min > max) {
      return new Assignment(colOf, m, 0);
    }
    long penalty = penalty(n, m, min, max);
    if (complete && n == m && CompleteDenseSolver.fits(max - min)) {
      CompleteDenseSolver.solveComplete(costs, min, colOf);
    } else if (Math.max(n, m) <= 2L * Math.min(n, m) && CompleteDenseSolver.fits(penalty - min)) {
      long total = CompleteDenseSolver.solveSquared(costs, m, min, penalty - min, reuseRows, colOf);
      return new Assignment(colOf, m, total);
    } else {
      solveDense(costs, n, m, penalty, colOf);
    }
    long total = 0;
    for (int r = 0; r < n; r++) {
      if (colOf[r] != Assignment.UNMATCHED) {
        total += costs[r][colOf[r]];
      }
    }
    return new Assignment(colOf, m, total);
  }

  /** Solves a sparse instance: only the listed pairs are allowed. */
  public static Assignment minimumCost(SparseCosts costs) {
    int n = costs.rows;
    int m = costs.columns;
    int[] colOf = new int[n];
    Arrays.fill(colOf, Assignment.UNMATCHED);
    if (costs.cost.length == 0) {
      return new Assignment(colOf, m, 0);
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long c : costs.cost) {
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
    long penalty = penalty(n, m, min, max);
    solveSparse(costs, penalty, colOf);
    long total = 0;
    for (int r = 0; r < n; r++) {
      if (colOf[r] != Assignment.UNMATCHED) {
        total += costs.cost(r, colOf[r]);
      }
    }
    return new Assignment(colOf, m, total);
  }

  /**
   * The cost of leaving a row unmatched, expressed on the unshifted scale: {@code min + K*range +
   * 1} with K = min(rows, cols). Also checks that every distance and potential stays far from
   * overflow (they are bounded by a small multiple of (rows + cols) * (K*range + 1)).
   */
  private static long penalty(int n, int m, long min, long max) {
    try {
      long range = Math.subtractExact(max, min);
      long big = Math.addExact(Math.multiplyExact((long) Math.min(n, m), range), 1);
      long bound = Math.multiplyExact(Math.multiplyExact((long) n + m + 2, big), 8);
      Math.addExact(bound, Math.multiplyExact(Math.max(Math.abs(min), Math.abs(max)), 8));
      return Math.addExact(big, min);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "costs between " + min + " and " + max + " are too far apart for exact long arithmetic",
          e);
    }
  }

  // Long because its phases share a dozen local arrays in the benchmark's hot loop; split, they
  // would travel between methods on every step.
  private static void solveDense(long[][] cost, int n, int m, long penalty, int[] colOf) {
    long[] u = new long[n];
    long[] v = new long[m];
    int[] rowOf = new int[m];
    Arrays.fill(rowOf, Assignment.UNMATCHED);
    long[] dist = new long[m];
    int[] pred = new int[m];
    int[] doneStamp = new int[m];
    int[] doneCols = new int[m];
    int[] settledRows = new int[n];
    long[] settledDist = new long[n];

    // Start: each row takes its cheapest column if still free (u = row minimum, v = 0 keeps
    // every reduced cost >= 0 and the taken pairs tight). Typically most rows are done here.
    for (int i = 0; i < n; i++) {
      long[] cr = cost[i];
      long best = penalty;
      int bestCol = -1;
      for (int j = 0; j < m; j++) {
        long c = cr[j];
        if (c != FORBIDDEN && c < best) {
          best = c;
          bestCol = j;
        }
      }
      u[i] = best;
      if (bestCol >= 0 && rowOf[bestCol] == Assignment.UNMATCHED) {
        rowOf[bestCol] = i;
        colOf[i] = bestCol;
      }
    }

    for (int root = 0; root < n; root++) {
      if (colOf[root] != Assignment.UNMATCHED) {
        continue;
      }
      int stamp = root + 1;
      Arrays.fill(dist, INF);
      int doneCount = 0;
      int settledCount = 0;
      int r = root;
      long dr = 0;
      long bestUnmatched = INF;
      int bestUnmatchedRow = -1;
      int endCol;
      long end;
      while (true) {
        settledRows[settledCount] = r;
        settledDist[settledCount++] = dr;
        long base = dr - u[r];
        long viaUnmatched = base + penalty;
        if (viaUnmatched < bestUnmatched) {
          bestUnmatched = viaUnmatched;
          bestUnmatchedRow = r;
        }
        long[] cr = cost[r];
        long best = INF;
        int bestCol = -1;
        for (int j = 0; j < m; j++) {
          if (doneStamp[j] == stamp) {
            continue;
          }
          long c = cr[j];
          long dj = dist[j];
          if (c != FORBIDDEN) {
            long nd = base + c - v[j];
            if (nd < dj) {
              dj = nd;
              dist[j] = nd;
              pred[j] = r;
            }
          }
          if (dj < best) {
            best = dj;
            bestCol = j;
          }
        }
        if (bestUnmatched <= best) {
          endCol = -1;
          end = bestUnmatched;
          break;
        }
        doneStamp[bestCol] = stamp;
        if (rowOf[bestCol] == Assignment.UNMATCHED) {
          endCol = bestCol;
          end = best;
          break;
        }
        doneCols[doneCount++] = bestCol;
        r = rowOf[bestCol];
        dr = best;
      }
      for (int t = 0; t < doneCount; t++) {
        int j = doneCols[t];
        v[j] += dist[j] - end;
      }
      for (int t = 0; t < settledCount; t++) {
        u[settledRows[t]] += end - settledDist[t];
      }
      augment(endCol, bestUnmatchedRow, pred, colOf, rowOf);
    }
  }

  private static void augment(int endCol, int unmatchedRow, int[] pred, int[] colOf, int[] rowOf) {
    int j = endCol;
    if (endCol < 0) {
      // the path ends in the private "unmatched" column of unmatchedRow
      j = colOf[unmatchedRow];
      colOf[unmatchedRow] = Assignment.UNMATCHED;
    }
    while (j >= 0) {
      int p = pred[j];
      int next = colOf[p];
      rowOf[j] = p;
      colOf[p] = j;
      j = next;
    }
  }

  // Long because its phases share a dozen local arrays in the benchmark's hot loop; split, they
  // would travel between methods on every step.
  private static void solveSparse(SparseCosts costs, long penalty, int[] colOf) {
    int n = costs.rows;
    int m = costs.columns;
    int[] rowStart = costs.rowStart;
    int[] column = costs.column;
    long[] cost = costs.cost;
    long[] u = new long[n];
    long[] v = new long[m];
    int[] rowOf = new int[m];
    Arrays.fill(rowOf, Assignment.UNMATCHED);
    long[] dist = new long[m];
    int[] pred = new int[m];
    int[] seenStamp = new int[m];
    int[] doneStamp = new int[m];
    int[] doneCols = new int[m];
    int[] settledRows = new int[n];
    long[] settledDist = new long[n];
    ColumnHeap heap = new ColumnHeap(m, dist);

    // Start as in the dense variant: each row takes its cheapest column if still free.
    for (int i = 0; i < n; i++) {
      long best = penalty;
      int bestCol = -1;
      for (int e = rowStart[i], stop = rowStart[i + 1]; e < stop; e++) {
        if (cost[e] < best) {
          best = cost[e];
          bestCol = column[e];
        }
      }
      u[i] = best;
      if (bestCol >= 0 && rowOf[bestCol] == Assignment.UNMATCHED) {
        rowOf[bestCol] = i;
        colOf[i] = bestCol;
      }
    }

    for (int root = 0; root < n; root++) {
      if (colOf[root] != Assignment.UNMATCHED) {
        continue;
      }
      int stamp = root + 1;
      heap.clear();
      int doneCount = 0;
      int settledCount = 0;
      int r = root;
      long dr = 0;
      long bestUnmatched = INF;
      int bestUnmatchedRow = -1;
      // No path can end beyond this: the shortest one found so far to a free column or to an
      // "unmatched" column. Columns at least this far away are never settled, so they are not
      // even put in the heap.
      long bound = INF;
      int endCol;
      long end;
      while (true) {
        settledRows[settledCount] = r;
        settledDist[settledCount++] = dr;
        long base = dr - u[r];
        long viaUnmatched = base + penalty;
        if (viaUnmatched < bestUnmatched) {
          bestUnmatched = viaUnmatched;
          bestUnmatchedRow = r;
          bound = Math.min(bound, viaUnmatched);
        }
        for (int e = rowStart[r], stop = rowStart[r + 1]; e < stop; e++) {
          int j = column[e];
          if (doneStamp[j] == stamp) {
            continue;
          }
          long nd = base + cost[e] - v[j];
          if (nd >= bound) {
            continue;
          }
          if (rowOf[j] == Assignment.UNMATCHED) {
            bound = nd;
          }
          if (seenStamp[j] != stamp) {
            seenStamp[j] = stamp;
            dist[j] = nd;
            pred[j] = r;
            heap.insert(j);
          } else if (nd < dist[j]) {
            dist[j] = nd;
            pred[j] = r;
            heap.decreased(j);
          }
        }
        if (heap.isEmpty() || bestUnmatched <= dist[heap.peek()]) {
          endCol = -1;
          end = bestUnmatched;
          break;
        }
        int j = heap.poll();
        doneStamp[j] = stamp;
        if (rowOf[j] == Assignment.UNMATCHED) {
          endCol = j;
          end = dist[j];
          break;
        }
        doneCols[doneCount++] = j;
        r = rowOf[j];
        dr = dist[j];
      }
      for (int t = 0; t < doneCount; t++) {
        int j = doneCols[t];
        v[j] += dist[j] - end;
      }
      for (int t = 0; t < settledCount; t++) {
        u[settledRows[t]] += end - settledDist[t];
      }
      augment(endCol, bestUnmatchedRow, pred, colOf, rowOf);
    }
  }
}
