package io.tandem.core.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.delivery.MutableClock;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.PairedProgram;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reminder pass plans each page of pairs in one transaction and writes it in others: what changes
 * in between is judged as it now is, and nothing is sent twice. Six pairs made on Monday 2026-03-02
 * at 15:00 UTC meet every 14 days; on Monday 03-16 at 10:00 UTC all twelve people are due a
 * reminder.
 */
@DisplayName("A pair that changes while the reminder pass runs is judged as it now is")
class ReminderPassChangesTest {

  static final Instant PAIRED = Instant.parse("2026-03-02T15:00:00Z");
  static final Instant DUE = Instant.parse("2026-03-16T10:00:00Z");

  @TempDir Path dir;

  @Test
  @DisplayName("a pair that ended, restarted or paused after the read gets no reminder")
  void changedPairsAreJudgedAsTheyAre() throws Exception {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      Database db = seeded(test);
      ReminderPass pass =
          new ReminderPass(
              db,
              ReminderSettings.defaults(),
              () ->
                  update(
                      db,
                      "UPDATE mentoring_pair SET status = 'ENDED' WHERE id = 1",
                      "UPDATE mentoring_pair SET restarted_at = "
                          + DUE.toEpochMilli()
                          + " WHERE id = 2",
                      "UPDATE participant SET status = 'PAUSED' WHERE id = 6"));

      ReminderPass.Counts counts = pass.run(DUE, true, true);

      // pairs 4, 5 and 6 are reminded, both people each; pairs 1 to 3 hear nothing
      assertThat(counts.reminders()).isEqualTo(6);
      assertThat(keys(db))
          .hasSize(6)
          .allSatisfy(key -> assertThat(key).matches("reminder:[456]:2026-03-16:U\\d+"));
      assertThat(reminderSignals(db)).isEqualTo(6);
    }
  }

  @Test
  @DisplayName("another firing that queued everything meanwhile leaves nothing to send twice")
  void anotherFiringMeanwhileSendsNothingTwice() throws Exception {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      Database db = seeded(test);
      ReminderPass other = new ReminderPass(db, ReminderSettings.defaults());
      ReminderPass pass =
          new ReminderPass(db, ReminderSettings.defaults(), () -> other.run(DUE, true, true));

      ReminderPass.Counts counts = pass.run(DUE, true, true);

      assertThat(counts.reminders()).isZero();
      assertThat(keys(db)).hasSize(12).doesNotHaveDuplicates();
      assertThat(reminderSignals(db)).isEqualTo(12);
    }
  }

  @Test
  @DisplayName("a pass that runs again after writing everything queues and records nothing new")
  void runningAgainChangesNothing() throws Exception {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      Database db = seeded(test);
      ReminderPass pass = new ReminderPass(db, ReminderSettings.defaults());

      ReminderPass.Counts first = pass.run(DUE, true, true);
      ReminderPass.Counts again = pass.run(DUE, true, true);

      assertThat(first.reminders()).isEqualTo(12);
      assertThat(again.reminders()).isZero();
      assertThat(keys(db)).hasSize(12);
      assertThat(reminderSignals(db)).isEqualTo(12);
    }
  }

  private static Database seeded(TestDatabase test) throws SQLException {
    Database db = test.open(new MutableClock(DUE));
    PairedProgram.seed(db, 6, PAIRED);
    return db;
  }

  private static void update(Database db, String... statements) {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.executeUpdate(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> keys(Database db) {
    return UseCaseFixture.rows(db, "SELECT dedup_key FROM outbox_message ORDER BY dedup_key");
  }

  private static long reminderSignals(Database db) {
    return Long.parseLong(
        UseCaseFixture.rows(db, "SELECT COUNT(*) FROM signal WHERE type = 'REMINDER_SENT'").get(0));
  }
}
