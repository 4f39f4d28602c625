package io.tandem.core.surveys;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer whose comment hits a write conflict after the person was marked as having answered and
 * their ratings were counted: the answers repository is the real one, except that storing the
 * comment fails the first {@code failures} times.
 */
@DisplayName("Survey answers that hit a write conflict")
class SurveyAnswerConflictTest {

  private static final Actor PERSON =
      new Actor(Platform.SLACK, "T_ACME", "U0P0", "P0", "Europe/Berlin", false);
  private static final Map<String, String> ANSWERS =
      Map.of("q1", "9", "q2", "4", "q3", "4", "q4", "more pairing time");

  @TempDir Path dir;

  private Database db;
  private CommandDispatcher tandem;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger commentWrites = new AtomicInteger();

  @BeforeEach
  void open() {
    MutableClock clock = new MutableClock(SurveysTest.NOW);
    db = TestDatabase.sqlite(dir).open(clock);
    SurveysFeature surveys =
        new SurveysFeature(db, clock, SurveySettings.defaults(), store -> conflicting(store));
    tandem = UseCaseFixture.dispatcher(db, clock, surveys);
    enrol(db, clock, PERSON, Role.MENTEE);
    Reply sent =
        tandem.handle(new Invocation(SurveysTest.MAYA, "C1", "survey send end-of-program"));
    assertThat(sent.kind()).isEqualTo(Reply.Kind.SUCCESS);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private SurveyAnswers conflicting(Store store) {
    SurveyAnswers real = SurveyAnswers.in(store);
    SurveyAnswers answers = mock(SurveyAnswers.class, delegatesTo(real));
    doAnswer(
            call -> {
              commentWrites.incrementAndGet();
              if (failures.getAndDecrement() > 0) {
                throw new PersistenceException(
                    new SQLException("could not serialize access", "40001"));
              }
              real.addText(call.getArgument(0));
              return null;
            })
        .when(answers)
        .addText(any(SurveyText.class));
    return answers;
  }

  @Test
  @DisplayName("a conflict that does not go away stores nothing and says so")
  void persistentConflictStoresNothing() {
    failures.set(Integer.MAX_VALUE);

    Reply reply = tandem.submitted(PERSON, "D1", "survey:1", ANSWERS);

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply.text()).contains("nothing was saved").contains("try again");
    assertThat(commentWrites.get()).as("retried before giving up").isGreaterThan(1);
    assertThat(rows(db, "SELECT COUNT(*) FROM survey_invitee WHERE answered_on IS NOT NULL"))
        .containsExactly("0");
    assertThat(rows(db, "SELECT SUM(responses) FROM survey_tally")).containsExactly("0");
    assertThat(rows(db, "SELECT COUNT(*) FROM survey_text")).containsExactly("0");
    assertThat(rows(db, "SELECT COUNT(*) FROM signal WHERE type = 'SURVEY_ANSWERED'"))
        .containsExactly("0");

    // and the person can answer once the conflict is gone
    failures.set(0);
    assertThat(tandem.submitted(PERSON, "D1", "survey:1", ANSWERS).text()).contains("recorded");
  }

  @Test
  @DisplayName("a conflict that goes away on retry records the answer exactly once")
  void passingConflictRecordsOnce() {
    failures.set(1);

    Reply reply = tandem.submitted(PERSON, "D1", "survey:1", ANSWERS);

    assertThat(reply.text()).contains("recorded anonymously");
    assertThat(commentWrites.get()).isEqualTo(2);
    assertThat(rows(db, "SELECT SUM(responses) FROM survey_tally WHERE question = 0"))
        .containsExactly("1");
    assertThat(rows(db, "SELECT text FROM survey_text")).isEqualTo(List.of("more pairing time"));
    assertThat(rows(db, "SELECT COUNT(*) FROM signal WHERE type = 'SURVEY_ANSWERED'"))
        .containsExactly("1");
    assertThat(tandem.submitted(PERSON, "D1", "survey:1", ANSWERS).text())
        .contains("already answered");
  }
}
