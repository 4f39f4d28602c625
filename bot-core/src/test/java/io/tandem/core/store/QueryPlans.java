package io.tandem.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.queries.Call;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * The SQL a piece of work runs, as EclipseLink sends it, and the database's plan for each
 * statement: which of them read a large table from end to end instead of through an index. SQLite:
 * {@code EXPLAIN QUERY PLAN} ({@code SCAN t}, with or without a covering index, is a full pass;
 * {@code SEARCH t USING …} is a seek). PostgreSQL: the generic plan of the statement prepared with
 * sequential scans discouraged ({@code enable_seqscan = off}), so a {@code Seq Scan} in it means no
 * index can answer.
 */
public final class QueryPlans {

  /** Tables that grow with the people and their history; a request must never read all of one. */
  public static final Set<String> LARGE_TABLES =
      Set.of(
          "signal",
          "mentoring_session",
          "session_note",
          "outbox_message",
          "outbox_attempt",
          "inbox",
          "member",
          "participant",
          "mentoring_pair",
          "goal",
          "goal_task",
          "skill_rating",
          "survey_invitee",
          "dm_channel");

  private static final Pattern SQLITE_SCAN =
      Pattern.compile("^SCAN (\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PG_SEQ_SCAN =
      Pattern.compile("Seq Scan on (\\w+)", Pattern.CASE_INSENSITIVE);

  private final Set<String> statements = new LinkedHashSet<>();

  /** Starts recording every statement {@code db}'s persistence unit sends. */
  public static QueryPlans recording(Database db) {
    QueryPlans plans = new QueryPlans();
    db.addSessionListener(
        new SessionEventAdapter() {
          @Override
          public void postExecuteCall(SessionEvent event) {
            Call call = event.getCall();
            if (call instanceof DatabaseCall sql) {
              plans.record(sql.getSQLString());
            }
          }
        });
    return plans;
  }

  public synchronized void record(String sql) {
    if (sql != null && !sql.isBlank()) {
      statements.add(sql.trim());
    }
  }

  public synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  /** The statements recorded that read a large table in full, each with the plan's words for it. */
  public List<String> fullScans(Database db) throws SQLException {
    List<String> found = new ArrayList<>();
    for (String sql : statements()) {
      String upper = sql.toUpperCase(Locale.ROOT);
      if (upper.startsWith("INSERT") && !upper.contains("SELECT")) {
        continue; // a plain insert reads nothing
      }
      for (String table : fullScans(db, sql)) {
        found.add(table + " <- " + sql);
      }
    }
    return found;
  }

  /** The large tables {@code sql} reads in full, by the database's plan. */
  public static List<String> fullScans(Database db, String sql) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      if (db.isSqlite()) {
        try (ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
          while (rs.next()) {
            addLarge(tables, SQLITE_SCAN.matcher(rs.getString("detail")));
          }
        }
      } else {
        for (String line : postgresPlan(c, st, sql)) {
          addLarge(tables, PG_SEQ_SCAN.matcher(line));
        }
      }
    }
    return tables;
  }

  private static List<String> postgresPlan(Connection c, Statement st, String sql)
      throws SQLException {
    int params = 0;
    StringBuilder numbered = new StringBuilder();
    for (char ch : sql.toCharArray()) {
      numbered.append(ch == '?' ? "$" + ++params : String.valueOf(ch));
    }
    List<String> lines = new ArrayList<>();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      st.execute("DEALLOCATE ALL");
      st.execute("SET LOCAL enable_seqscan = off");
      st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      st.execute("PREPARE tandem_plan_check AS " + numbered);
      String nulls = String.join(", ", java.util.Collections.nCopies(params, "NULL"));
      try (ResultSet rs =
          st.executeQuery(
              "EXPLAIN EXECUTE tandem_plan_check" + (params == 0 ? "" : "(" + nulls + ")"))) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
      st.execute("DEALLOCATE tandem_plan_check");
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
    return lines;
  }

  private static void addLarge(List<String> tables, Matcher m) {
    if (m.find() && LARGE_TABLES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
      tables.add(m.group(1));
    }
  }
}
