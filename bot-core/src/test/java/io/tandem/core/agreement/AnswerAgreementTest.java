package io.tandem.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.PairedProgram;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreement's answers, settling and job on a real SQLite file: two pairs (U1 with U2, U3 with
 * U4) matched at {@link #NOW} in a running program that meets every 14 days.
 */
@DisplayName("Working agreement answers, settling, flags and mid-program questions")
class AnswerAgreementTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;

  private TestDatabase testDatabase;
  private Database db;
  private AnswerAgreement answer;

  @BeforeEach
  void open() throws SQLException {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(Clock.fixed(NOW, ZoneOffset.UTC));
    PairedProgram.seed(db, 2, NOW);
    sql("UPDATE program SET started_at = " + NOW.toEpochMilli() + ", duration_weeks = 12");
    db.transaction(
        store -> {
          WorkingAgreements.in(store).add(new WorkingAgreement(1, 1, 1, NOW));
          WorkingAgreements.in(store).add(new WorkingAgreement(2, 1, 1, NOW));
          return null;
        });
    answer = new AnswerAgreement(db, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("the same answers make the agreement, and both hear it in one message")
  void agree() {
    answerAll("U1", "call", 7, "Tuesdays suit me");
    Reply last = answerAll("U2", "call", 7, "");

    assertThat(last.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(status(1)).isEqualTo("AGREED");
    assertThat(outbox("agreement-reached:1:%"))
        .singleElement()
        .asString()
        .contains("by call, weekly")
        .contains("Tuesdays suit me");
    assertThat(signals("AGREEMENT_REACHED")).isEqualTo(1);
  }

  @Test
  @DisplayName("different answers are shown side by side; picking the other's side settles it")
  void settle() {
    answerAll("U1", "call", 7, "");
    answerAll("U2", "chat", 14, "");

    assertThat(status(1)).isEqualTo("DIFFERENT");
    assertThat(outbox("agreement-differ:1:%"))
        .singleElement()
        .asString()
        .contains("Person 1: call, weekly · Person 2: chat, every two weeks");

    // U1 keeps their call but takes U2's rhythm; U2 then takes the call
    assertThat(answer.settle(person("U1"), "1:often:14").text()).contains("call, every two weeks");
    assertThat(status(1)).isEqualTo("DIFFERENT");
    assertThat(outbox("agreement-pick:1:%"))
        .singleElement()
        .asString()
        .contains("Person 1 would settle on call, every two weeks");
    Reply settled = answer.settle(person("U2"), "1:meet:call");

    assertThat(settled.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(status(1)).isEqualTo("SETTLED");
    assertThat(
            UseCaseFixture.rows(
                db, "SELECT meet || ',' || every_days FROM working_agreement WHERE pair_id = 1"))
        .containsExactly("call,14");
    assertThat(outbox("agreement-reached:1:%")).singleElement().asString().contains("Settled");
  }

  @Test
  @DisplayName("someone outside the pair is refused privately, and nothing changes")
  void stranger() {
    Reply meet = answer.meet(person("U3"), "1:call");
    Reply settle = answer.settle(person("U3"), "1:meet:call");
    Reply bogus = answer.meet(person("U1"), "1:carrier pigeon");

    assertThat(List.of(meet, settle))
        .allSatisfy(
            r -> {
              assertThat(r.isPrivate()).isTrue();
              assertThat(r.text()).contains("Only the two people in this pair");
            });
    assertThat(bogus.text()).contains("no longer active");
    assertThat(UseCaseFixture.rows(db, "SELECT COUNT(*) FROM working_agreement_answer"))
        .containsExactly("0");
  }

  @Test
  @DisplayName("a note too long keeps the form and stores nothing")
  void longNote() {
    answer.meet(person("U1"), "1:chat");
    Reply tooLong =
        answer.confirmed(
            person("U1"), AgreementFeature.FORM_PREFIX + "1", Map.of("note", "x".repeat(301)));

    assertThat(tooLong.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(tooLong.form()).isNotNull();
    assertThat(
            UseCaseFixture.rows(
                db, "SELECT COUNT(*) FROM working_agreement_answer WHERE answered_at IS NOT NULL"))
        .containsExactly("0");
  }

  @Test
  @DisplayName("pairs without an agreement after a week are flagged to the admins once")
  void flagOnce() {
    answerAll("U1", "call", 7, "");
    answerAll("U2", "call", 7, "");
    Instant week = NOW.plus(AgreementJob.FLAG_AFTER);

    int early = db.transaction(store -> AgreementJob.flag(store, week.minusSeconds(60)));
    int due = db.transaction(store -> AgreementJob.flag(store, week));
    int again = db.transaction(store -> AgreementJob.flag(store, week.plus(Duration.ofDays(1))));

    assertThat(List.of(early, due, again)).containsExactly(0, 1, 0);
    assertThat(outbox("agreement-flag:2:%"))
        .singleElement()
        .asString()
        .contains("Person 3 and Person 4")
        .contains("not both have answered");
    assertThat(outbox("agreement-flag:1:%")).isEmpty();
    assertThat(signals("AGREEMENT_FLAGGED")).isEqualTo(1);
  }

  @Test
  @DisplayName("at mid-program both are asked once; \"let's change it\" asks both again")
  void midProgram() {
    answerAll("U1", "call", 7, "");
    answerAll("U2", "call", 7, "");
    Instant half = NOW.plus(Duration.ofDays(42));

    int early = db.transaction(store -> AgreementJob.review(store, half.minusSeconds(60)));
    int due = db.transaction(store -> AgreementJob.review(store, half));
    int again = db.transaction(store -> AgreementJob.review(store, half.plusSeconds(3600)));
    Reply change = answer.change(person("U2"), "1");

    assertThat(List.of(early, due, again)).containsExactly(0, 1, 0);
    assertThat(outbox("agreement-review:1")).singleElement().asString().contains("still hold");
    assertThat(change.text()).contains("agree again");
    assertThat(status(1)).isEqualTo("ASKING");
    assertThat(outbox("agreement-ask:1:%")).hasSize(2);
    assertThat(answer.meet(person("U1"), "1:chat").text()).contains("Noted");
  }

  private Reply answerAll(String user, String way, int days, String note) {
    Actor actor = person(user);
    long pairId = Long.parseLong(user.substring(1)) <= 2 ? 1 : 2;
    answer.meet(actor, pairId + ":" + way);
    answer.often(actor, pairId + ":" + days);
    assertThat(answer.openConfirm(actor, Long.toString(pairId)).form()).isNotNull();
    return answer.confirmed(actor, AgreementFeature.FORM_PREFIX + pairId, Map.of("note", note));
  }

  private static Actor person(String userId) {
    return new Actor(Platform.SLACK, "T_ACME", userId, userId, "UTC", false);
  }

  private String status(long pairId) {
    return UseCaseFixture.rows(db, "SELECT status FROM working_agreement WHERE pair_id = " + pairId)
        .get(0);
  }

  private List<String> outbox(String keyLike) {
    return UseCaseFixture.rows(
        db, "SELECT payload FROM outbox_message WHERE dedup_key LIKE '" + keyLike + "'");
  }

  private long signals(String type) {
    return Long.parseLong(
        UseCaseFixture.rows(db, "SELECT COUNT(*) FROM signal WHERE type = '" + type + "'").get(0));
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }
}
