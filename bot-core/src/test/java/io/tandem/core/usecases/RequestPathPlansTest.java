package io.tandem.core.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.core.checkins.persistence.JpaPairActivity;
import io.tandem.core.checkins.persistence.JpaSessions;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.QueryPlans;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries a person's {@code log}, {@code status} and button click run, by the database's own
 * plan: none reads a large table (signals, sessions, the outbox, the inbox, …) from end to end, so
 * their cost does not grow with the history.
 */
class RequestPathPlansTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-04T09:15:30Z"), ZoneOffset.UTC);
  private static final Actor ANA = actor("U_ANA", "Ana", false);
  private static final Actor BEN = actor("U_BEN", "Ben", false);
  private static final Actor ADA = actor("U_ADA", "Ada", true);

  /** The query {@code log} ran for "has this person ever opened the App Home". */
  private static final String HOME_OPENED_QUERY = JpaPairActivity.EVER;

  @TempDir Path dir;
  private TestDatabase testDatabase;

  @AfterEach
  void close() {
    if (testDatabase != null) {
      testDatabase.close();
    }
  }

  @Test
  @DisplayName("SQLite: log, status and a button click read no large table in full")
  void sqliteRequestPathUsesIndexes() throws Exception {
    testDatabase = TestDatabase.sqlite(dir);
    assertRequestPathUsesIndexes(testDatabase.open(CLOCK));
  }

  @Test
  @DisplayName("PostgreSQL: log, status and a button click read no large table in full")
  void postgresRequestPathUsesIndexes() throws Exception {
    assumeTrue(TestDatabase.postgresConfigured(), "set TANDEM_TEST_PG_URL to run");
    testDatabase = TestDatabase.postgres();
    assertRequestPathUsesIndexes(testDatabase.open(CLOCK));
  }

  @Test
  @DisplayName("the check sees the old full scan: without its index, the home query is flagged")
  void checkFailsOnTheOldSignalQuery() throws Exception {
    testDatabase = TestDatabase.sqlite(dir);
    Database db = testDatabase.open(CLOCK);
    assertThat(QueryPlans.fullScans(db, HOME_OPENED_QUERY)).isEmpty();

    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP INDEX ix_signal_actor_type");
    }

    assertThat(QueryPlans.fullScans(db, HOME_OPENED_QUERY)).containsExactly("signal");
  }

  private void assertRequestPathUsesIndexes(Database db) throws SQLException {
    CommandDispatcher dispatcher = UseCaseFixture.dispatcher(db, CLOCK);
    UseCaseFixture.enrol(db, CLOCK, ANA, Role.MENTEE);
    UseCaseFixture.enrol(db, CLOCK, BEN, Role.MENTOR);
    dispatcher.handle(new Invocation(ADA, null, "match preview Reverse mentoring"));
    dispatcher.handle(new Invocation(ADA, null, "match approve Reverse mentoring"));
    QueryPlans plans = QueryPlans.recording(db);

    Reply logged = dispatcher.handle(new Invocation(ANA, null, "log 45m Instagram reels"));
    Reply status = dispatcher.handle(new Invocation(ANA, null, "status"));
    Reply clicked = dispatcher.clicked(ANA, null, CommandDispatcher.COMMAND_ACTION, "log list");

    assertThat(logged.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(status.kind()).isNotEqualTo(Reply.Kind.ERROR);
    assertThat(clicked.kind()).isNotEqualTo(Reply.Kind.ERROR);
    assertThat(plans.statements()).anyMatch(sql -> sql.contains("signal"));
    assertThat(plans.fullScans(db)).isEmpty();
    // the statements sent in plain JDBC are not recorded: checked by their text
    assertThat(QueryPlans.fullScans(db, HOME_OPENED_QUERY)).isEmpty();
    assertThat(QueryPlans.fullScans(db, JpaSessions.LAST)).isEmpty();
    assertThat(QueryPlans.fullScans(db, Store.OUTBOX_KEY)).isEmpty();
  }

  private static Actor actor(String userId, String name, boolean admin) {
    return new Actor(Platform.SLACK, "T_ACME", userId, name, "Europe/Berlin", admin);
  }
}
