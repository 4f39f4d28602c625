package io.tandem.core.surveys;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pulse surveys under concurrency on PostgreSQL")
@OnPostgres
class SurveysPostgresTest {

  private static final int N = 8;

  private final TestDatabase testDatabase = TestDatabase.postgres();
  private Database db;
  private MutableClock clock;
  private CommandDispatcher tandem;
  private ExecutorService threads;

  @BeforeEach
  void open() {
    clock = new MutableClock(SurveysTest.NOW);
    db = testDatabase.open(clock);
    tandem = UseCaseFixture.dispatcher(db, clock);
    threads = Executors.newFixedThreadPool(N);
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    testDatabase.close();
  }

  @Test
  @DisplayName("concurrent sends get distinct run numbers; concurrent comments are all kept")
  void concurrentSendsAndAnswers() throws Exception {
    List<Actor> people = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      Actor person =
          new Actor(Platform.SLACK, "T_ACME", "U0P" + i, "P" + i, "Europe/Berlin", false);
      people.add(person);
      enrol(db, clock, person, Role.MENTEE);
    }

    // WHEN the admin's command reaches N instances at once
    List<Reply> sent =
        all(
            i ->
                tandem.handle(
                    new Invocation(SurveysTest.MAYA, "C1", "survey send end-of-program")));

    // THEN every send succeeded with its own run number
    assertThat(sent).allMatch(r -> r.kind() == Reply.Kind.SUCCESS);
    assertThat(rows(db, "SELECT id FROM survey_run ORDER BY id"))
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");

    // WHEN everyone answers run 1 with a comment at the same moment
    List<Reply> answered =
        all(
            i ->
                tandem.submitted(
                    people.get(i),
                    "D1",
                    "survey:1",
                    Map.of("q1", "9", "q2", "4", "q3", "4", "q4", "comment " + (N - i))));

    // THEN no comment is lost, each stored once
    assertThat(answered).allMatch(r -> r.text().contains("recorded"));
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= N; i++) {
      expected.add("comment " + i);
    }
    assertThat(rows(db, "SELECT text FROM survey_text WHERE run_id = 1"))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(
            rows(db, "SELECT SUM(responses) FROM survey_tally WHERE run_id = 1 AND question = 0"))
        .containsExactly(Integer.toString(N));
  }

  private interface Task {
    Reply run(int i);
  }

  private List<Reply> all(Task task) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Reply>> futures = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      final int n = i;
      Callable<Reply> call =
          () -> {
            go.await();
            return task.run(n);
          };
      futures.add(threads.submit(call));
    }
    go.countDown();
    List<Reply> replies = new ArrayList<>();
    for (Future<Reply> future : futures) {
      replies.add(future.get());
    }
    return replies;
  }
}
