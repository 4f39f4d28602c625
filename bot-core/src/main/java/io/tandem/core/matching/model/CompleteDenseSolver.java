package io.tandem.core.matching.model;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The square, every-pair-allowed case of {@link AssignmentSolver}: Jonker and Volgenant's LAPJV
 * (Computing 38, 1987). Column reduction, reduction transfer and two rounds of augmenting row
 * reduction leave few rows free; each of those is then matched by a shortest augmenting path
 * (Dijkstra on reduced costs) that settles columns a whole set of equally near ones at a time and
 * stops at the first free column. Only column potentials are kept: a matched row's potential is its
 * assigned column's reduced cost, which the phases keep at the row's minimum.
 *
 * <p>The matrix is held as {@code int}s, shifted so that the cheapest cost is 0, and only when
 * every shifted cost fits ({@link #fits}): the augmenting paths read a whole row of it per step,
 * and at ten thousand people that traffic to memory is most of the solve, halved against {@code
 * long}s. Potentials and distances stay {@code long}, so the arithmetic, and the optimum, are
 * exactly those on {@code long} costs; the caller has checked that they are far from overflow.
 * Every row is matched, so the result is the minimum-cost perfect matching.
 */
final class CompleteDenseSolver {

  private static final long INF = Long.MAX_VALUE / 4;

  /** Rows' free-row reductions per phase before the rest is left to the augmenting paths. */
  private static final int REDUCTION_STEPS_PER_ROW = 16;

  private CompleteDenseSolver() {}

  /**
   * Any dense instance, made square and complete: a forbidden pair, a padding column and a padding
   * row all cost {@code big} (more than any difference in total cost between two matchings), an
   * allowed pair {@code cost - min}. Every k x k perfect matching then costs {@code big} once per
   * pair it does not really make, so the cheapest one makes the most real pairs and, among those,
   * the cheapest: the lexicographic optimum. Padding rows share one array, as do rows that were one
   * array in {@code cost}.
   *
   * @param reuseRows whether {@code cost}'s rows may be overwritten (when they are long enough)
   * @return the total cost of the real pairs, which are written to {@code colOf}
   */
  static long solveSquared(
      long[][] cost, int m, long min, long big, boolean reuseRows, int[] colOf) {
    int n = cost.length;
    int k = Math.max(n, m);
    int[][] square = new int[k][];
    Map<long[], int[]> made = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      long[] row = cost[i];
      int[] out = made.get(row);
      if (out == null) {
        out = new int[k];
        for (int j = 0; j < m; j++) {
          long c = row[j];
          out[j] = (int) (c == AssignmentSolver.FORBIDDEN ? big : c - min);
        }
        Arrays.fill(out, m, k, (int) big);
        made.put(row, out);
      }
      square[i] = out;
      if (reuseRows) {
        // the caller's row is no longer needed: the collector may take it back as the copy grows
        cost[i] = null;
      }
    }
    made.clear();
    if (n < k) {
      int[] padding = new int[k];
      Arrays.fill(padding, (int) big);
      Arrays.fill(square, n, k, padding);
    }
    int[] squareCol = new int[k];
    solve(square, squareCol);
    long total = 0;
    for (int i = 0; i < n; i++) {
      int j = squareCol[i];
      if (j < m && square[i][j] < big) {
        colOf[i] = j;
        total += square[i][j] + min;
      } else {
        colOf[i] = Assignment.UNMATCHED;
      }
    }
    return total;
  }

  /**
   * Whether every cost of a matrix can be held as an {@code int} once shifted: {@code largest} is
   * the largest shifted cost ({@code big} for {@link #solveSquared}).
   */
  static boolean fits(long largest) {
    return largest >= 0 && largest <= Integer.MAX_VALUE;
  }

  /** Fills {@code colOf} with the optimal column of every row of the n x n matrix {@code cost}. */
  static void solveComplete(long[][] cost, long min, int[] colOf) {
    int n = cost.length;
    int[][] shifted = new int[n][];
    for (int i = 0; i < n; i++) {
      long[] row = cost[i];
      int[] out = new int[n];
      for (int j = 0; j < n; j++) {
        out[j] = (int) (row[j] - min);
      }
      shifted[i] = out;
    }
    solve(shifted, colOf);
  }

  /** Fills {@code colOf[row]} with the optimal column of every row of the n x n matrix. */
  private static void solve(int[][] cost, int[] colOf) {
    int n = cost.length;
    if (n == 1) {
      colOf[0] = 0;
      return;
    }
    long[] v = new long[n];
    int[] rowOf = new int[n];
    int[] free = new int[n];
    int numFree = reduce(cost, v, colOf, rowOf, free);
    for (int pass = 0; pass < 2 && numFree > 0; pass++) {
      numFree = augmentingRowReduction(cost, v, colOf, rowOf, free, numFree);
    }
    long[] d = new long[n];
    int[] pred = new int[n];
    int[] cols = new int[n];
    for (int f = 0; f < numFree; f++) {
      augment(cost, v, colOf, rowOf, free[f], d, pred, cols);
    }
  }

  /**
   * Column reduction (v = column minima; each column goes to its cheapest row while that row has
   * none) and reduction transfer (a row that got exactly one column passes its slack to it).
   * Returns how many rows are left free, listed in {@code free}.
   */
  private static int reduce(int[][] cost, long[] v, int[] colOf, int[] rowOf, int[] free) {
    int n = cost.length;
    int[] minRow = new int[n];
    int[] first = cost[0];
    for (int j = 0; j < n; j++) {
      v[j] = first[j];
    }
    for (int i = 1; i < n; i++) {
      int[] c = cost[i];
      for (int j = 0; j < n; j++) {
        if (c[j] < v[j]) {
          v[j] = c[j];
          minRow[j] = i;
        }
      }
    }
    int[] matches = new int[n];
    Arrays.fill(colOf, -1);
    for (int j = n - 1; j >= 0; j--) {
      int i = minRow[j];
      if (++matches[i] == 1) {
        colOf[i] = j;
        rowOf[j] = i;
      } else {
        rowOf[j] = -1;
      }
    }
    int numFree = 0;
    for (int i = 0; i < n; i++) {
      if (matches[i] == 0) {
        free[numFree++] = i;
      } else if (matches[i] == 1) {
        int[] c = cost[i];
        int j1 = colOf[i];
        long min = INF;
        for (int j = 0; j < n; j++) {
          if (j != j1 && c[j] - v[j] < min) {
            min = c[j] - v[j];
          }
        }
        v[j1] -= min;
      }
    }
    return numFree;
  }

  /**
   * One round of augmenting row reduction: each free row takes the column of its smallest reduced
   * cost, lowering that column's potential to the second smallest, and evicts its row, which tries
   * again at once when the potential dropped (else later). Every assignment it makes is at the
   * row's minimum, so stopping early (after a bounded number of steps) is always safe.
   */
  private static int augmentingRowReduction(
      int[][] cost, long[] v, int[] colOf, int[] rowOf, int[] free, int previousFree) {
    int n = cost.length;
    int k = 0;
    int numFree = 0;
    long budget = (long) REDUCTION_STEPS_PER_ROW * n;
    while (k < previousFree) {
      int i = free[k++];
      if (--budget < 0) {
        free[numFree++] = i;
        continue;
      }
      int[] c = cost[i];
      long umin = c[0] - v[0];
      int j1 = 0;
      int j2 = -1;
      long usubmin = INF;
      for (int j = 1; j < n; j++) {
        long h = c[j] - v[j];
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      int i0 = rowOf[j1];
      boolean dropped = umin < usubmin;
      if (dropped) {
        v[j1] -= usubmin - umin;
      } else if (i0 >= 0) {
        j1 = j2;
        i0 = rowOf[j2];
      }
      colOf[i] = j1;
      rowOf[j1] = i;
      if (i0 >= 0) {
        colOf[i0] = -1;
        if (dropped) {
          free[--k] = i0;
        } else {
          free[numFree++] = i0;
        }
      }
    }
    return numFree;
  }

  // Long because the Dijkstra scan, the price update and the path reversal share the column list
  // and its three cursors; split, they would pass them around on every step.
  private static void augment(
      int[][] cost,
      long[] v,
      int[] colOf,
      int[] rowOf,
      int freeRow,
      long[] d,
      int[] pred,
      int[] cols) {
    int n = cost.length;
    int[] c0 = cost[freeRow];
    for (int j = 0; j < n; j++) {
      d[j] = c0[j] - v[j];
      pred[j] = freeRow;
      cols[j] = j;
    }
    // cols[0, low): settled; cols[low, up): at distance min, to be scanned; cols[up, n): the rest
    int low = 0;
    int up = 0;
    int last = 0;
    long min = 0;
    int end = -1;
    while (end < 0) {
      if (up == low) {
        last = low;
        min = d[cols[up++]];
        for (int k = up; k < n; k++) {
          int j = cols[k];
          long h = d[j];
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            cols[k] = cols[up];
            cols[up++] = j;
          }
        }
        for (int k = low; k < up; k++) {
          if (rowOf[cols[k]] < 0) {
            end = cols[k];
            break;
          }
        }
        if (end >= 0) {
          break;
        }
      }
      int j1 = cols[low++];
      int i = rowOf[j1];
      int[] c = cost[i];
      long h = c[j1] - v[j1] - min;
      for (int k = up; k < n; k++) {
        int j = cols[k];
        long dj = c[j] - v[j] - h;
        if (dj < d[j]) {
          pred[j] = i;
          if (dj == min) {
            if (rowOf[j] < 0) {
              end = j;
              break;
            }
            cols[k] = cols[up];
            cols[up++] = j;
          }
          d[j] = dj;
        }
      }
    }
    // columns settled before the last scan keep their reduced costs tight
    for (int k = 0; k < last; k++) {
      int j = cols[k];
      v[j] += d[j] - min;
    }
    int i;
    do {
      i = pred[end];
      rowOf[end] = i;
      int next = colOf[i];
      colOf[i] = end;
      end = next;
    } while (i != freeRow);
  }
}
