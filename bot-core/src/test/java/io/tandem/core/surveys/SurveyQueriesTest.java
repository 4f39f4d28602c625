package io.tandem.core.surveys;

import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.StatementCounter;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.PairedProgram;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey work asks the database a fixed number of questions: sending a run to 100 people sends the
 * queries sending it to 10 does, and a free-text answer costs the same whether the question holds
 * 10 texts or 1 000.
 */
@DisplayName("Survey sends and free-text answers do not grow with the audience")
class SurveyQueriesTest {

  static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
  static final Actor MAYA = new Actor(Platform.SLACK, "T_ACME", "U0MAYA", "Maya", "UTC", true);
  static final Actor FIRST = new Actor(Platform.SLACK, "T_ACME", "U1", "Person 1", "UTC", false);

  @TempDir Path dir;

  @Test
  @DisplayName("sending to 100 people asks what sending to 10 asks, and invites every one")
  void sendDoesNotGrowWithTheAudience() throws Exception {
    Sent ten = send(10, 0);
    Sent hundred = send(100, 0);

    assertThat(ten.invited()).isEqualTo(10);
    assertThat(hundred.invited()).isEqualTo(100);
    assertThat(StatementCounter.queries(hundred.send()))
        .hasSameSizeAs(StatementCounter.queries(ten.send()));
  }

  @Test
  @DisplayName("a free-text answer writes the same statements beside 10 texts as beside 1 000")
  void textAnswerDoesNotGrowWithTheTexts() throws Exception {
    Sent few = send(10, 10);
    Sent many = send(10, 1_000);

    // the same statements, give or take moving one earlier text (a read and an update), which
    // happens at random
    assertThat(many.answer().size()).isBetween(few.answer().size() - 2, few.answer().size() + 2);
    assertThat(many.answer().size()).isLessThan(40);
    assertThat(many.texts()).isEqualTo(1_001);
  }

  /** What sending a run to a program of {@code people} and one answer with a comment sent. */
  record Sent(List<String> send, long invited, List<String> answer, long texts) {}

  private Sent send(int people, int texts) throws SQLException {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      MutableClock clock = new MutableClock(NOW);
      Database db = test.open(clock);
      PairedProgram.seed(db, people / 2, NOW);
      CommandDispatcher tandem = UseCaseFixture.dispatcher(db, clock);
      StatementCounter counter = StatementCounter.on(db);
      List<String> send =
          counter.during(
              () -> tandem.handle(new Invocation(MAYA, "C1", "survey send end-of-program")));
      String run = rows(db, "SELECT id FROM survey_run").get(0);
      texts(db, run, texts);
      List<String> answer =
          counter.during(
              () -> {
                Reply saved =
                    tandem.submitted(
                        FIRST,
                        "D1",
                        "survey:" + run,
                        Map.of("q1", "8", "q2", "4", "q3", "4", "q4", "more time"));
                assertThat(saved.text()).contains("recorded");
                return saved;
              });
      return new Sent(
          send,
          Long.parseLong(rows(db, "SELECT COUNT(*) FROM survey_invitee").get(0)),
          answer,
          Long.parseLong(rows(db, "SELECT COUNT(*) FROM survey_text").get(0)));
    }
  }

  /** Earlier comments on the run's free-text question, as other people left them. */
  private static void texts(Database db, String run, int texts) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO survey_text (id, run_id, question, text) VALUES (?, ?, 3, ?)")) {
      for (int i = 1; i <= texts; i++) {
        st.setLong(1, 7_000_000L + i);
        st.setLong(2, Long.parseLong(run));
        st.setString(3, "comment " + i);
        st.addBatch();
      }
      st.executeBatch();
    }
  }
}
