package io.tandem.core.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.delivery.MutableClock;
import io.tandem.core.store.Database;
import io.tandem.core.store.StatementCounter;
import io.tandem.core.store.StoreStats;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reminder pass asks the database a fixed number of questions, however many pairs are active: the
 * pass over 100 pairs sends exactly the queries the pass over 10 sends, whether nothing is due or
 * every pair is due. Pairs are made on Monday 2026-03-02 at 15:00 UTC in a program that meets every
 * 14 days; everyone is in UTC and hears from Tandem at 10:00.
 */
@DisplayName("A reminder pass asks the same number of questions for 10 pairs as for 100")
class ReminderPassQueriesTest {

  static final Instant PAIRED = Instant.parse("2026-03-02T15:00:00Z");

  @TempDir Path dir;

  @Test
  @DisplayName("nothing due: every statement of the pass is the same for 10 and 100 pairs")
  void nothingDue() throws Exception {
    Instant at = PAIRED.plus(Duration.ofHours(2));

    Pass ten = pass(10, at);
    Pass hundred = pass(100, at);

    assertThat(ten.queued()).isZero();
    assertThat(hundred.queued()).isZero();
    assertThat(hundred.statements()).hasSameSizeAs(ten.statements());
  }

  @Test
  @DisplayName("every pair reminded: the same queries for 10 and 100 pairs, a reminder each")
  void everyPairReminded() throws Exception {
    // slot 1 is Monday 03-16; 10:00 UTC is when both people hear of it
    Instant at = Instant.parse("2026-03-16T10:00:00Z");

    Pass ten = pass(10, at);
    Pass hundred = pass(100, at);

    assertThat(ten.queued()).isEqualTo(2 * 10);
    assertThat(hundred.queued()).isEqualTo(2 * 100);
    assertThat(hundred.queries()).hasSameSizeAs(ten.queries());
  }

  @Test
  @DisplayName("every pair nudged and escalated: the same queries for 10 and 100 pairs")
  void everyPairNudgedAndEscalated() throws Exception {
    // three weeks past due (03-16 15:00): the second nudge for both and the admin's alert
    Instant at = Instant.parse("2026-04-06T15:05:00Z");

    Pass ten = pass(10, at);
    Pass hundred = pass(100, at);

    assertThat(ten.queued()).isEqualTo(3 * 10);
    assertThat(hundred.queued()).isEqualTo(3 * 100);
    assertThat(hundred.queries()).hasSameSizeAs(ten.queries());
  }

  @Test
  @DisplayName("every pair at risk: the same queries for 10 and 100 pairs, each pair marked")
  void everyPairAtRisk() throws Exception {
    // three full rounds without a session: at risk, and each person is asked what to do
    Instant at = Instant.parse("2026-04-14T10:00:00Z");

    Pass ten = pass(10, at);
    Pass hundred = pass(100, at);

    assertThat(ten.atRisk()).isEqualTo(10);
    assertThat(hundred.atRisk()).isEqualTo(100);
    assertThat(hundred.queries()).hasSameSizeAs(ten.queries());
  }

  /** What one pass sent to the database, and what it left there. */
  record Pass(List<String> statements, long queued, long atRisk) {
    List<String> queries() {
      return StatementCounter.queries(statements);
    }
  }

  private Pass pass(int pairs, Instant at) throws SQLException {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      MutableClock clock = new MutableClock(at);
      Database db = test.open(clock);
      seed(db, pairs);
      ReminderSettings settings = ReminderSettings.defaults();
      ReminderJob job = RemindersFeature.of(db, clock, settings).job();
      StatementCounter counter = StatementCounter.on(db);
      List<String> statements =
          counter.during(
              () -> {
                job.run(at);
                return null;
              });
      long atRisk =
          Long.parseLong(
              io.tandem.core.usecases.UseCaseFixture.rows(
                      db, "SELECT COUNT(*) FROM mentoring_pair WHERE at_risk_at IS NOT NULL")
                  .get(0));
      return new Pass(statements, StoreStats.count(db, "outbox_message"), atRisk);
    }
  }

  /** One workspace with one admin, one running program, {@code pairs} active pairs. */
  static void seed(Database db, int pairs) throws SQLException {
    long paired = PAIRED.toEpochMilli();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO workspace (id, platform, external_id, created_at)"
                + " VALUES (1, 'SLACK', 'T_ACME', 0)");
        st.executeUpdate(
            "INSERT INTO program (id, workspace_id, name, cadence_days, status, is_default,"
                + " created_at) VALUES (1, 1, 'Pilot', 14, 'RUNNING', TRUE, 0)");
        st.executeUpdate(
            "INSERT INTO workspace_admin (workspace_id, user_id, first_seen_at)"
                + " VALUES (1, 'U0MAYA', 0)");
        st.executeUpdate("UPDATE id_gen SET next_val = 1000000");
      }
      try (PreparedStatement member =
              c.prepareStatement(
                  "INSERT INTO member (id, workspace_id, user_id, display_name, time_zone,"
                      + " created_at, updated_at) VALUES (?, 1, ?, ?, 'UTC', 0, 0)");
          PreparedStatement participant =
              c.prepareStatement(
                  "INSERT INTO participant (id, workspace_id, program_id, member_id, role,"
                      + " status, joined_at, time_zone) VALUES (?, 1, 1, ?, ?, 'ACTIVE', 0,"
                      + " 'UTC')");
          PreparedStatement pair =
              c.prepareStatement(
                  "INSERT INTO mentoring_pair (id, workspace_id, program_id, mentor_id,"
                      + " mentee_id, status, score, reasons, created_at)"
                      + " VALUES (?, 1, 1, ?, ?, 'ACTIVE', 70, '[]', ?)")) {
        for (int i = 1; i <= 2 * pairs; i++) {
          member.setLong(1, i);
          member.setString(2, "U" + i);
          member.setString(3, "Person " + i);
          member.addBatch();
          participant.setLong(1, i);
          participant.setLong(2, i);
          participant.setString(3, i % 2 == 1 ? "MENTOR" : "MENTEE");
          participant.addBatch();
        }
        for (int p = 1; p <= pairs; p++) {
          pair.setLong(1, p);
          pair.setLong(2, 2L * p - 1);
          pair.setLong(3, 2L * p);
          pair.setLong(4, paired);
          pair.addBatch();
        }
        member.executeBatch();
        participant.executeBatch();
        pair.executeBatch();
      }
      c.commit();
    }
  }
}
