package io.tandem.core.reports.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs the report's aggregate queries on one connection. A failing query ends the report with
 * {@code could not read the report: …}.
 */
final class SqlRows {

  private final Connection c;

  SqlRows(Connection connection) {
    this.c = connection;
  }

  /** Reads one row of a query's result. */
  @FunctionalInterface
  interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /** Maps the one row of a query's result. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql} with {@code params} bound in order (a {@link String} as text, any other value
   * as a {@code long}) and hands every row to {@code row}.
   */
  void forEachRow(String sql, List<?> params, Row row) {
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        row.read(rs);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Like {@link #forEachRow} for a query that returns exactly one row (an aggregate). */
  <T> T firstRow(String sql, List<?> params, RowMapper<T> mapper) {
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return mapper.map(rs);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("could not read the report: " + e.getMessage(), e);
  }

  long count(String sql, Long... params) {
    return firstRow(sql, List.of(params), rs -> rs.getLong(1));
  }

  private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.size(); i++) {
        Object param = params.get(i);
        if (param instanceof String text) {
          ps.setString(i + 1, text);
        } else {
          ps.setLong(i + 1, ((Number) param).longValue());
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }
}
