package io.tandem.core.matching.model;

import java.util.Arrays;

/**
 * The answer of {@link AssignmentSolver}: which column each row got, how many rows were matched and
 * the total cost of the matched pairs.
 *
 * <p>Unmatched rows have column {@link #UNMATCHED}. Instances are immutable.
 */
public final class Assignment {

  /** The column of a row that got none (and the row of a column that got none). */
  public static final int UNMATCHED = -1;

  private final int[] columnOfRow;
  private final int[] rowOfColumn;
  private final int matched;
  private final long totalCost;

  Assignment(int[] columnOfRow, int columns, long totalCost) {
    this.columnOfRow = columnOfRow.clone();
    this.rowOfColumn = new int[columns];
    Arrays.fill(rowOfColumn, UNMATCHED);
    int count = 0;
    for (int row = 0; row < columnOfRow.length; row++) {
      if (columnOfRow[row] != UNMATCHED) {
        rowOfColumn[columnOfRow[row]] = row;
        count++;
      }
    }
    this.matched = count;
    this.totalCost = totalCost;
  }

  public int rows() {
    return columnOfRow.length;
  }

  public int columns() {
    return rowOfColumn.length;
  }

  /** The column matched to {@code row}, or {@link #UNMATCHED}. */
  public int columnOf(int row) {
    return columnOfRow[row];
  }

  /** The row matched to {@code column}, or {@link #UNMATCHED}. */
  public int rowOf(int column) {
    return rowOfColumn[column];
  }

  /** How many rows (equally, columns) are matched. */
  public int matchedCount() {
    return matched;
  }

  /** The sum of the costs of the matched pairs. */
  public long totalCost() {
    return totalCost;
  }

  /** A copy of the row-to-column array ({@link #UNMATCHED} for unmatched rows). */
  public int[] columnOfRow() {
    return columnOfRow.clone();
  }

  @Override
  public String toString() {
    return "Assignment[matched=" + matched + ", totalCost=" + totalCost + "]";
  }
}
