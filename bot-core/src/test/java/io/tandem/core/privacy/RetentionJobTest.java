package io.tandem.core.privacy;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.schedule.SchedulerSettings;
import io.tandem.core.schedule.Scheduling;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly retention job, run once through the real Quartz scheduler. */
@DisplayName("Retention of private notes and delivered data files")
class RetentionJobTest {

  static final Actor ANA =
      new Actor(Platform.SLACK, "T_ACME", "U0ANA", "Ana", "Europe/Berlin", false);
  static final Actor BEN =
      new Actor(Platform.SLACK, "T_ACME", "U0BEN", "Ben", "Europe/Berlin", false);

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  Scheduling scheduling;
  CommandDispatcher tandem;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    Clock clock = Clock.systemUTC();
    db = testDatabase.open(clock);
    tandem = UseCaseFixture.dispatcher(db, clock);
    Instant now = clock.instant();
    enrol(db, clock, ANA, Role.MENTOR);
    enrol(db, clock, BEN, Role.MENTEE);
    PrivacyFixture.pair(db, ANA, BEN, now.minus(Duration.ofDays(3)));
    String yesterday =
        now.minus(Duration.ofDays(1)).atZone(ZoneId.of("Europe/Berlin")).toLocalDate() + " 1h";
    String today = now.atZone(ZoneId.of("Europe/Berlin")).toLocalDate() + " 45m";
    PrivacyFixture.logWithNote(tandem, ANA, yesterday, "Reels", "OLD private thought");
    PrivacyFixture.logWithNote(tandem, BEN, today, "Budgets", "NEW private thought");
    // Ana's note was written 400 days ago, Ben's today
    long old = now.minus(Duration.ofDays(400)).toEpochMilli();
    PrivacyFixture.sql(
        db, "UPDATE session_note SET created_at = " + old + " WHERE private_note LIKE 'OLD%'");
    // and Ana's data file went out two days ago
    tandem.handle(new Invocation(ANA, "C1", "my data"));
    long delivered = now.minus(Duration.ofDays(2)).toEpochMilli();
    PrivacyFixture.sql(
        db,
        "UPDATE outbox_message SET state = 'DELIVERED', delivered_at = "
            + delivered
            + " WHERE dedup_key LIKE 'mydata:%'");
  }

  @AfterEach
  void close() throws Exception {
    if (scheduling != null) {
      scheduling.close();
    }
    testDatabase.close();
  }

  @Test
  @DisplayName("with retention.private-notes 365d, a Quartz run deletes older notes only")
  void deletesOldNotes() throws Exception {
    RetentionJob job = new RetentionJob(db, Optional.of(Duration.ofDays(365)));
    assertThat(job.schedule().describe()).contains("0 30 3 * * ?");
    scheduling =
        new Scheduling(
            db,
            SchedulerSettings.defaults().withInstanceId("node-1"),
            List.of(job),
            Clock.systemUTC());
    scheduling.start();
    assertThat(scheduling.nextFireTime(RetentionJob.KEY))
        .hasValueSatisfying(
            t -> assertThat(t.atZone(ZoneOffset.UTC).toLocalTime().toString()).isEqualTo("03:30"));

    scheduling.runNow(RetentionJob.KEY, Duration.ofSeconds(20));

    assertThat(rows(db, "SELECT private_note FROM session_note ORDER BY created_at"))
        .containsExactly("", "NEW private thought");
    // the notes' sessions and the rest of each note stay
    assertThat(rows(db, "SELECT COUNT(*) FROM session_note WHERE topic <> ''"))
        .containsExactly("2");
    OutboxPayload emptied =
        OutboxPayload.parse(
            rows(db, "SELECT payload FROM outbox_message WHERE dedup_key LIKE 'mydata:%'").get(0));
    assertThat(emptied.files()).isEmpty();
    assertThat(emptied.reply().text()).doesNotContain("OLD private thought");
  }

  @Test
  @DisplayName("without the setting, notes are kept")
  void offByDefault() {
    RetentionJob.Swept swept = new RetentionJob(db, Optional.empty()).sweep(Instant.now());

    assertThat(swept.privateNotes()).isZero();
    assertThat(rows(db, "SELECT private_note FROM session_note ORDER BY created_at"))
        .containsExactly("OLD private thought", "NEW private thought");
  }
}
