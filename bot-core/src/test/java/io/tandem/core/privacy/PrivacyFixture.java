package io.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.usecases.UseCaseFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Setup steps the privacy tests share. */
final class PrivacyFixture {

  private PrivacyFixture() {}

  /** Pairs two enrolled people, approved at {@code at}. */
  static void pair(Database db, Actor mentor, Actor mentee, Instant at) {
    db.inTransaction(
        em -> {
          Store store = new Store(em);
          Participant a = UseCaseFixture.participant(store, mentor);
          Participant b = UseCaseFixture.participant(store, mentee);
          Pair pair =
              new Pair(a.getWorkspaceId(), a.getProgramId(), a.getId(), b.getId(), 1, "", at);
          pair.approve(at);
          return store.add(pair);
        });
  }

  /** Logs a session through the check-in form, with a private note. */
  static void logWithNote(
      CommandDispatcher tandem, Actor actor, String when, String topic, String note) {
    Reply form = tandem.handle(new Invocation(actor, "C1", "log"));
    Map<String, String> values = new HashMap<>();
    values.put("when", when);
    values.put("topic", topic);
    values.put("exchange", "Taught: how teams vote\nLearned: budgets");
    values.put("useful", "4");
    values.put("note", note);
    assertThat(tandem.submitted(actor, null, form.form().formId(), values).kind())
        .isEqualTo(Reply.Kind.SUCCESS);
  }

  /** Runs one statement of test setup. */
  static void sql(Database db, String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
