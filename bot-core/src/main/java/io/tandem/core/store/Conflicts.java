package io.tandem.core.store;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** When a transaction lost a race with another, and running it again until it wins. */
public final class Conflicts {

  private static final Logger LOG = LoggerFactory.getLogger(Conflicts.class);
  static final int ATTEMPTS = 3;
  private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;
  private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

  private Conflicts() {}

  /** Runs {@code transaction} up to {@value #ATTEMPTS} times while it fails with a conflict. */
  static <T> T retrying(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConflict(e)) {
          throw e;
        }
        LOG.debug("Transaction conflict on attempt {}, retrying: {}", attempt, e.toString());
      }
    }
  }

  /**
   * Whether a failure means another transaction got there first: a unique-key violation, a
   * serialization failure or a deadlock (PostgreSQL SQLSTATE 23505, 40001, 40P01; SQLite UNIQUE or
   * PRIMARY KEY constraint).
   */
  public static boolean isConflict(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
        int code = sql.getErrorCode();
        if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
          return true;
        }
        if (String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed")) {
          return true;
        }
      }
    }
    return false;
  }
}
