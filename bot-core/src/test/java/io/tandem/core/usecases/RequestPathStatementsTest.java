package io.tandem.core.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.StatementCounter;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person's {@code log}, {@code status} and button click cost the ORM: how many statements
 * they send and how often the unit of work compares every entity it holds with its state as read (a
 * flush before each query did that nine times a {@code log}, all of it inside SQLite's one write
 * lock). Fails when a change brings those flushes back or adds statements.
 */
class RequestPathStatementsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-04T09:15:30Z"), ZoneOffset.UTC);
  private static final Actor ANA = actor("U_ANA", "Ana", false);
  private static final Actor BEN = actor("U_BEN", "Ben", false);
  private static final Actor ADA = actor("U_ADA", "Ada", true);

  @TempDir Path dir;
  private TestDatabase testDatabase;
  private Database db;
  private CommandDispatcher dispatcher;
  private StatementCounter counter;

  @BeforeEach
  void pairAnaAndBen() throws Exception {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(CLOCK);
    dispatcher = UseCaseFixture.dispatcher(db, CLOCK);
    UseCaseFixture.enrol(db, CLOCK, ANA, Role.MENTEE);
    UseCaseFixture.enrol(db, CLOCK, BEN, Role.MENTOR);
    dispatcher.handle(new Invocation(ADA, null, "match preview Reverse mentoring"));
    dispatcher.handle(new Invocation(ADA, null, "match approve Reverse mentoring"));
    counter = StatementCounter.on(db);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("log: one pass over the transaction's entities, at commit (was ten)")
  void log() {
    List<String> statements =
        counter.during(
            () -> dispatcher.handle(new Invocation(ANA, null, "log 45m Instagram reels")));

    // the commit: the session's summary and the totals need no read-back of its own writes
    assertThat(counter.changeCalculations()).isEqualTo(1);
    assertThat(statements).hasSizeLessThanOrEqualTo(20);
    // the outbox message and both signals go in the commit, after the last question
    assertThat(statements.subList(statements.size() - 3, statements.size()))
        .allMatch(sql -> sql.startsWith("INSERT"));
    assertThat(UseCaseFixture.rows(db, "SELECT minutes FROM mentoring_session"))
        .containsExactly("45");
    assertThat(UseCaseFixture.rows(db, "SELECT dedup_key FROM outbox_message"))
        .anyMatch(key -> key.startsWith("logprompt:"));
  }

  @Test
  @DisplayName("the partner's log of the same session: one pass, at commit (was nine)")
  void secondPerspective() {
    dispatcher.handle(new Invocation(ANA, null, "log 45m Instagram reels"));

    List<String> statements =
        counter.during(
            () -> dispatcher.handle(new Invocation(BEN, null, "log 30m Instagram reels")));

    assertThat(counter.changeCalculations()).isEqualTo(1);
    assertThat(statements).hasSizeLessThanOrEqualTo(15);
    assertThat(UseCaseFixture.rows(db, "SELECT COUNT(*) FROM session_note")).containsExactly("2");
    // the session's summary takes the longer of the two sides, read before this log's writes
    assertThat(UseCaseFixture.rows(db, "SELECT minutes FROM mentoring_session"))
        .containsExactly("45");
  }

  @Test
  @DisplayName("status: one pass, at commit (was nine)")
  void status() {
    List<String> statements =
        counter.during(() -> dispatcher.handle(new Invocation(ANA, null, "status")));

    assertThat(counter.changeCalculations()).isEqualTo(1);
    // 13, plus one read each for the pair's planned session and its working agreement
    assertThat(statements).hasSizeLessThanOrEqualTo(15);
    assertThat(statements.get(statements.size() - 1)).startsWith("INSERT INTO signal");
  }

  @Test
  @DisplayName("a click on \"My sessions\": one pass, at commit (was six)")
  void click() {
    dispatcher.handle(new Invocation(ANA, null, "log 45m Instagram reels"));

    List<String> statements =
        counter.during(
            () -> dispatcher.clicked(ANA, null, CommandDispatcher.COMMAND_ACTION, "log list"));

    assertThat(counter.changeCalculations()).isEqualTo(1);
    assertThat(statements).hasSizeLessThanOrEqualTo(10);
  }

  private static Actor actor(String userId, String name, boolean admin) {
    return new Actor(Platform.SLACK, "T_ACME", userId, name, "Europe/Berlin", admin);
  }
}
