package io.tandem.core.reminders;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.home.ReminderChoicesForm;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remind me} and the reminder form, and the reminder job following each person's choice. Ana
 * (mentor, Berlin) and Ben (mentee, New York) are paired on Saturday 2026-03-07 at 15:00 UTC in a
 * program that meets every 14 days, so their slots fall on Saturdays (03-21, 04-04); Berlin moves
 * to summer time on 03-29, New York on 03-08.
 */
@DisplayName("People choose when their reminders come")
class ReminderChoicesTest {

  static final Instant PAIRED = Instant.parse("2026-03-07T15:00:00Z");
  static final Actor ANA = new Actor(Platform.SLACK, "T_ACME", "U0ANA", "Ana", null, false);
  static final Actor BEN = new Actor(Platform.SLACK, "T_ACME", "U0BEN", "Ben", null, false);

  @TempDir Path dir;

  ReminderPairs.Setup setup;
  Database db;
  MutableClock clock;
  CommandDispatcher tandem;

  @BeforeEach
  void open() {
    setup =
        ReminderPairs.Setup.open(
            dir,
            PAIRED.minus(Duration.ofDays(1)),
            (db, clock) -> RemindersFeature.of(db, clock, ReminderSettings.defaults()));
    db = setup.db();
    clock = setup.clock();
    tandem = setup.tandem();
    enrol(db, clock, ANA, Role.MENTOR, "Marketing", "Europe/Berlin");
    enrol(db, clock, BEN, Role.MENTEE, "Finance", "America/New_York");
    ReminderPairs.inRunningProgram(db, ANA, BEN, PAIRED);
    clock.set(PAIRED);
  }

  @AfterEach
  void close() {
    setup.testDatabase().close();
  }

  @Test
  @DisplayName("remind me shows the program's 10:00 on weekdays, in the person's own zone")
  void showsProgramSetting() {
    Reply shown = run(ANA, "remind me");

    assertThat(shown.text())
        .contains("*10:00* your time (Europe/Berlin)")
        .contains("weekdays only")
        .contains("as your program does");
    assertThat(shown.buttons())
        .extracting(Reply.Button::actionId)
        .containsExactly(ReminderChoicesForm.OPEN_ACTION);
  }

  @Test
  @DisplayName("each person's reminder follows their own time, zone and weekend choice")
  void eachFollowsTheirOwn() {
    assertThat(run(ANA, "remind me at 9:30").text())
        .contains("*09:30* your time (Europe/Berlin)")
        .contains("weekdays only");
    assertThat(run(BEN, "remind me at 8am on weekends").text())
        .contains("*08:00* your time (America/New_York)")
        .contains("weekends included");
    assertThat(run(ANA, "remind me").text()).doesNotContain("as your program does");

    List<String> sent = remindersUntil(Instant.parse("2026-04-07T00:00:00Z"));

    // Saturday slots: Ben hears on the Saturday at 08:00 New York; Ana on the Monday at 09:30
    // Berlin, 08:30 UTC in winter and 07:30 UTC after the clocks changed
    assertThat(sent)
        .containsExactly(
            "U0BEN @ 2026-03-21T12:00:00Z",
            "U0ANA @ 2026-03-23T08:30:00Z",
            "U0BEN @ 2026-04-04T12:00:00Z",
            "U0ANA @ 2026-04-06T07:30:00Z");
  }

  @Test
  @DisplayName("the form shows the current choice and saves a new one for the next reminder")
  void form() {
    Reply opened = tandem.clicked(ANA, "D1", ReminderChoicesForm.OPEN_ACTION, "");
    assertThat(opened.form().formId()).isEqualTo(ReminderChoicesForm.FORM_ID);
    assertThat(opened.form().inputs())
        .extracting(Reply.Input::initialValue)
        .containsExactly("10:00", "no");

    Reply saved =
        tandem.submitted(
            ANA, "D1", ReminderChoicesForm.FORM_ID, Map.of("time", "11:00", "weekends", "yes"));

    assertThat(saved.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(saved.text()).contains("*11:00*").contains("weekends included");
    // Saturday 03-21, 11:00 in Berlin (UTC+1)
    assertThat(remindersUntil(Instant.parse("2026-03-22T00:00:00Z")))
        .contains("U0ANA @ 2026-03-21T10:00:00Z");
  }

  @Test
  @DisplayName("bad input and times in quiet hours are refused privately with an example")
  void badInputStoresNothing() {
    List<String> before = choices();

    Reply late = run(ANA, "remind me at 25:00");
    Reply night = run(ANA, "remind me at 23:00");
    Reply form =
        tandem.submitted(
            ANA, "D1", ReminderChoicesForm.FORM_ID, Map.of("time", "9:00", "weekends", "maybe"));
    Reply formNight =
        tandem.submitted(
            ANA, "D1", ReminderChoicesForm.FORM_ID, Map.of("time", "6am", "weekends", "yes"));

    assertThat(List.of(late, night, form, formNight))
        .allSatisfy(
            reply -> {
              assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
              assertThat(reply.isPrivate()).isTrue();
            });
    assertThat(late.text()).contains("hours go from 0 to 23").contains("Example:");
    assertThat(night.text()).contains("keeps quiet from 20:00 to 08:00").contains("Example:");
    assertThat(form.inputErrors()).containsKey("weekends");
    assertThat(form.form().inputs().get(1).initialValue()).isEqualTo("maybe");
    assertThat(formNight.inputErrors()).containsKey("time");
    assertThat(choices()).isEqualTo(before);
    assertThat(rows(db, "SELECT COUNT(*) FROM signal WHERE type = 'REMINDERS_CHOSEN'"))
        .containsExactly("0");
  }

  @Test
  @DisplayName("someone Tandem has never met is told to join first")
  void strangers() {
    Actor cal = new Actor(Platform.SLACK, "T_ACME", "U0CAL", "Cal", null, false);

    Reply reply = run(cal, "remind me at 9:00");

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply.text()).contains("join a program first");
  }

  private List<String> choices() {
    return rows(
        db,
        "SELECT user_id || ':' || COALESCE(reminder_minute, -1) || ':'"
            + " || COALESCE(reminder_weekends, -1) FROM member ORDER BY user_id");
  }

  /** Runs the job every 30 minutes up to {@code to}; each reminder as "user @ not before". */
  private List<String> remindersUntil(Instant to) {
    for (Instant at = clock.instant(); !at.isAfter(to); at = at.plus(Duration.ofMinutes(30))) {
      clock.set(at);
      setup.job().run(at);
    }
    return rows(
            db,
            "SELECT substr(dedup_key, length(dedup_key) - 4) || ' @ ' || not_before FROM outbox_message"
                + " WHERE dedup_key LIKE 'reminder:%' ORDER BY not_before")
        .stream()
        .map(
            r ->
                r.substring(0, r.indexOf(" @ ") + 3)
                    + Instant.ofEpochMilli(Long.parseLong(r.substring(r.indexOf(" @ ") + 3))))
        .toList();
  }

  private Reply run(Actor actor, String text) {
    return tandem.handle(new Invocation(actor, "D1", text));
  }
}
