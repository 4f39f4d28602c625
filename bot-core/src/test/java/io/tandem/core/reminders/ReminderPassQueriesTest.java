package io.tandem.core.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.delivery.MutableClock;
import io.tandem.core.store.Database;
import io.tandem.core.store.StatementCounter;
import io.tandem.core.store.StoreStats;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.PairedProgram;
import java.nio.file.Path;
import java.sql.Connection;
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
    Pass[] passes = sameQueries(Instant.parse("2026-03-16T10:00:00Z"));

    assertThat(passes[0].queued()).isEqualTo(2 * 10);
    assertThat(passes[1].queued()).isEqualTo(2 * 100);
  }

  @Test
  @DisplayName("every pair nudged and escalated: the same queries for 10 and 100 pairs")
  void everyPairNudgedAndEscalated() throws Exception {
    // three weeks past due (03-16 15:00): the second nudge for both and the admin's alert
    Pass[] passes = sameQueries(Instant.parse("2026-04-06T15:05:00Z"));

    assertThat(passes[0].queued()).isEqualTo(3 * 10);
    assertThat(passes[1].queued()).isEqualTo(3 * 100);
  }

  @Test
  @DisplayName("every pair at risk: the same queries for 10 and 100 pairs, each pair marked")
  void everyPairAtRisk() throws Exception {
    // three full rounds without a session: at risk, and each person is asked what to do
    Pass[] passes = sameQueries(Instant.parse("2026-04-14T10:00:00Z"));

    assertThat(passes[0].atRisk()).isEqualTo(10);
    assertThat(passes[1].atRisk()).isEqualTo(100);
  }

  @Test
  @DisplayName("everyone chose their own time: the same queries as without, each at their time")
  void ownTimesAddNoQueries() throws Exception {
    // mentors chose 09:30, mentees kept the program's 10:00: at 09:30 only the mentors are due
    Instant at = Instant.parse("2026-03-16T09:30:00Z");
    String mentorsAtHalfNine = "UPDATE member SET reminder_minute = 570 WHERE id % 2 = 1";

    Pass asProgram = pass(10, at, "UPDATE member SET reminder_minute = NULL");
    Pass ten = pass(10, at, mentorsAtHalfNine);
    Pass hundred = pass(100, at, mentorsAtHalfNine);

    assertThat(asProgram.queued()).isZero();
    assertThat(ten.queued()).isEqualTo(10);
    assertThat(hundred.queued()).isEqualTo(100);
    assertThat(hundred.queries()).hasSameSizeAs(ten.queries());
    // reminder:{pair}:2026-03-16:U{n}: every one of them to a mentor (odd n)
    assertThat(hundred.keys())
        .hasSize(100)
        .allSatisfy(key -> assertThat(key).matches("reminder:\\d+:2026-03-16:U\\d*[13579]"));
  }

  /** The passes over 10 and 100 pairs at {@code at}, which must have asked the same queries. */
  private Pass[] sameQueries(Instant at) throws SQLException {
    Pass ten = pass(10, at);
    Pass hundred = pass(100, at);
    assertThat(hundred.queries()).hasSameSizeAs(ten.queries());
    return new Pass[] {ten, hundred};
  }

  /** What one pass sent to the database, and what it left there. */
  record Pass(List<String> statements, long queued, long atRisk, List<String> keys) {
    List<String> queries() {
      return StatementCounter.queries(statements);
    }
  }

  private Pass pass(int pairs, Instant at) throws SQLException {
    return pass(pairs, at, null);
  }

  /**
   * @param choices an update of the seeded members' own reminder choices, or {@code null}
   */
  private Pass pass(int pairs, Instant at, String choices) throws SQLException {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      MutableClock clock = new MutableClock(at);
      Database db = test.open(clock);
      PairedProgram.seed(db, pairs, PAIRED);
      if (choices != null) {
        try (Connection c = db.dataSource().getConnection();
            Statement st = c.createStatement()) {
          st.executeUpdate(choices);
        }
      }
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
      return new Pass(
          statements,
          StoreStats.count(db, "outbox_message"),
          atRisk,
          io.tandem.core.usecases.UseCaseFixture.rows(db, "SELECT dedup_key FROM outbox_message"));
    }
  }
}
