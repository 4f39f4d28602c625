package io.tandem.core.delivery.persistence;

import io.tandem.core.delivery.RateBudgets;
import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/** {@link RateBudgets} as an {@code INSERT … ON CONFLICT … RETURNING} upsert. */
public final class JdbcRateBudgets implements RateBudgets {

  private final Database db;
  private final String upsert;

  public JdbcRateBudgets(Database db) {
    this.db = Objects.requireNonNull(db, "db");
    String greater = db.isSqlite() ? "MAX" : "GREATEST";
    this.upsert =
        "INSERT INTO rate_budget (bucket, free_at) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE"
            + " SET free_at = "
            + greater
            + "(rate_budget.free_at, ?) + ? RETURNING free_at";
  }

  @Override
  public long book(String bucket, long full, long interval, String forgetPrefix) {
    try (Connection connection = db.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      long freeAt;
      try (PreparedStatement st = connection.prepareStatement(upsert)) {
        st.setString(1, bucket);
        st.setLong(2, full + interval);
        st.setLong(3, full);
        st.setLong(4, interval);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          freeAt = rs.getLong(1);
        }
      }
      if (forgetPrefix != null) {
        forgetFullBuckets(connection, forgetPrefix, full);
      }
      return freeAt;
    } catch (SQLException e) {
      throw new IllegalStateException("could not book a permit of " + bucket, e);
    }
  }

  /** Deletes the prefix's rows whose bucket is full again (their state is the default). */
  private static void forgetFullBuckets(Connection connection, String prefix, long full)
      throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "DELETE FROM rate_budget WHERE bucket LIKE ? ESCAPE '\\' AND free_at < ?")) {
      st.setString(1, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%");
      st.setLong(2, full);
      st.executeUpdate();
    }
  }
}
