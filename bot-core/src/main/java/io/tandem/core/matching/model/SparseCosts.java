package io.tandem.core.matching.model;

import java.util.Arrays;

/**
 * A bipartite cost table that lists only the allowed pairs; every pair not listed is forbidden.
 * Stored as compressed rows (one slice of columns and costs per row), built with {@link
 * #builder(int, int)}.
 */
public final class SparseCosts {

  final int rows;
  final int columns;
  final int[] rowStart;
  final int[] column;
  final long[] cost;

  private SparseCosts(int rows, int columns, int[] rowStart, int[] column, long[] cost) {
    this.rows = rows;
    this.columns = columns;
    this.rowStart = rowStart;
    this.column = column;
    this.cost = cost;
  }

  public static Builder builder(int rows, int columns) {
    return new Builder(rows, columns);
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  /** How many allowed pairs there are. */
  public int edgeCount() {
    return column.length;
  }

  /** The cost of a pair, or {@link AssignmentSolver#FORBIDDEN} when the pair is not allowed. */
  public long cost(int row, int col) {
    for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
      if (column[e] == col) {
        return cost[e];
      }
    }
    return AssignmentSolver.FORBIDDEN;
  }

  /** Collects allowed pairs; a pair added twice keeps its lower cost. */
  public static final class Builder {
    private final int rows;
    private final int columns;
    private int size;
    private int[] edgeRow = new int[16];
    private int[] edgeColumn = new int[16];
    private long[] edgeCost = new long[16];

    private Builder(int rows, int columns) {
      if (rows < 0 || columns < 0) {
        throw new IllegalArgumentException("rows and columns must be >= 0");
      }
      this.rows = rows;
      this.columns = columns;
    }

    public Builder add(int row, int col, long cost) {
      if (row < 0 || row >= rows || col < 0 || col >= columns) {
        throw new IllegalArgumentException(
            "the pair (" + row + ", " + col + ") is outside " + rows + " x " + columns);
      }
      if (cost == AssignmentSolver.FORBIDDEN) {
        throw new IllegalArgumentException("cost " + cost + " is reserved for forbidden pairs");
      }
      if (size == edgeRow.length) {
        int grown = Math.max(16, size * 2);
        edgeRow = Arrays.copyOf(edgeRow, grown);
        edgeColumn = Arrays.copyOf(edgeColumn, grown);
        edgeCost = Arrays.copyOf(edgeCost, grown);
      }
      edgeRow[size] = row;
      edgeColumn[size] = col;
      edgeCost[size] = cost;
      size++;
      return this;
    }

    public SparseCosts build() {
      // counting sort by row, then drop duplicate columns within a row
      int[] start = new int[rows + 1];
      for (int e = 0; e < size; e++) {
        start[edgeRow[e] + 1]++;
      }
      for (int r = 0; r < rows; r++) {
        start[r + 1] += start[r];
      }
      int[] fill = Arrays.copyOf(start, rows);
      int[] col = new int[size];
      long[] cst = new long[size];
      for (int e = 0; e < size; e++) {
        int at = fill[edgeRow[e]]++;
        col[at] = edgeColumn[e];
        cst[at] = edgeCost[e];
      }
      int[] lastSeenInRow = new int[columns];
      int[] positionOf = new int[columns];
      Arrays.fill(lastSeenInRow, -1);
      int[] outStart = new int[rows + 1];
      int out = 0;
      for (int r = 0; r < rows; r++) {
        outStart[r] = out;
        for (int e = start[r]; e < start[r + 1]; e++) {
          int c = col[e];
          if (lastSeenInRow[c] == r) {
            int p = positionOf[c];
            cst[p] = Math.min(cst[p], cst[e]);
          } else {
            lastSeenInRow[c] = r;
            positionOf[c] = out;
            col[out] = c;
            cst[out] = cst[e];
            out++;
          }
        }
      }
      outStart[rows] = out;
      return new SparseCosts(
          rows, columns, outStart, Arrays.copyOf(col, out), Arrays.copyOf(cst, out));
    }
  }
}
