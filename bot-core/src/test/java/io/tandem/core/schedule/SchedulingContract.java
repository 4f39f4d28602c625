package io.tandem.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.port.out.Metrics;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quartz.SimpleTrigger;

/** Quartz on the application's database, run once per engine by the subclasses. */
abstract class SchedulingContract {

  TestDatabase testDatabase;
  Database db;
  Scheduling scheduling;

  abstract TestDatabase newTestDatabase();

  @BeforeEach
  void open() {
    testDatabase = newTestDatabase();
    db = testDatabase.open(Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    if (scheduling != null) {
      scheduling.close();
    }
    testDatabase.close();
  }

  /** A job that records its firings. */
  static final class Tick implements ScheduledJob {
    final List<Instant> firings = new CopyOnWriteArrayList<>();
    private final Duration interval;

    Tick(Duration interval) {
      this.interval = interval;
    }

    @Override
    public String key() {
      return "tick";
    }

    @Override
    public Schedule schedule() {
      return new Schedule.Every(interval, Schedule.Misfire.SKIP_TO_NEXT);
    }

    @Override
    public void run(Instant firedAt) {
      firings.add(firedAt);
    }
  }

  private Scheduling start(String instance, List<ScheduledJob> jobs) throws Exception {
    return start(instance, jobs, Clock.systemUTC());
  }

  private Scheduling start(String instance, List<ScheduledJob> jobs, Clock clock) throws Exception {
    scheduling =
        new Scheduling(
            db,
            SchedulerSettings.defaults()
                .withInstanceId(instance)
                .withClusterCheckinInterval(Duration.ofSeconds(1)),
            jobs,
            clock);
    scheduling.start();
    return scheduling;
  }

  @Test
  @DisplayName("the JDBC job store starts on the migrated schema and fires a registered job")
  void startsAndFires() throws Exception {
    Tick tick = new Tick(Duration.ofMillis(200));

    start("node-1", List.of(tick));

    await().atMost(Duration.ofSeconds(10)).until(() -> tick.firings.size() >= 2);
    assertThat(scheduling.nextFireTime("tick")).isPresent();
  }

  @Test
  @DisplayName("a job's trigger and its progress survive a scheduler restart")
  void survivesRestart() throws Exception {
    // GIVEN a job that has fired under a first scheduler, which then stops
    Tick before = new Tick(Duration.ofMillis(200));
    start("node-1", List.of(before));
    await().atMost(Duration.ofSeconds(10)).until(() -> before.firings.size() >= 1);
    scheduling.close();
    int firedBefore = before.firings.size();

    // WHEN a new scheduler starts on the same database with the same job
    Tick after = new Tick(Duration.ofMillis(200));
    start("node-1", List.of(after));

    // THEN it keeps the stored trigger (its fire count continues) and fires the job again
    SimpleTrigger trigger = (SimpleTrigger) scheduling.trigger("tick").orElseThrow();
    assertThat(trigger.getTimesTriggered()).isGreaterThanOrEqualTo(firedBefore);
    await().atMost(Duration.ofSeconds(10)).until(() -> after.firings.size() >= 1);
  }

  @Test
  @DisplayName("a changed schedule replaces the stored trigger; unregistered jobs are removed")
  void reschedulesAndCleansUp() throws Exception {
    start("node-1", List.of(new Tick(Duration.ofHours(1))));
    scheduling.close();

    start("node-1", List.of(new Tick(Duration.ofHours(2))));
    assertThat(scheduling.trigger("tick").orElseThrow().getDescription()).contains("PT2H");
    scheduling.close();

    start("node-1", List.of());
    assertThat(scheduling.trigger("tick")).isEmpty();
  }

  @Test
  @DisplayName("runNow returns once the run is done, and the job sees the time on Tandem's clock")
  void runNowOnShiftedClock() throws Exception {
    // GIVEN Tandem on a clock 30 days ahead, and a job that would not fire for an hour
    Duration ahead = Duration.ofDays(30);
    Tick tick = new Tick(Duration.ofHours(1));
    start("node-1", List.of(tick), Clock.offset(Clock.systemUTC(), ahead));

    // WHEN it is run now
    Instant before = Instant.now();
    scheduling.runNow("tick", Duration.ofSeconds(10));
    Instant after = Instant.now();

    // THEN it has run exactly once by the time runNow returns, at "now" 30 days ahead
    assertThat(tick.firings).hasSize(1);
    assertThat(tick.firings.get(0))
        .isBetween(before.plus(ahead).minusSeconds(1), after.plus(ahead).plusSeconds(1));
  }

  @Test
  @DisplayName("runNow on a clock that stands still runs the job at exactly that instant")
  void runNowOnStandingClock() throws Exception {
    // GIVEN Tandem on a clock that stands at a whole hour, as the demo's does between its steps
    Instant standing = Instant.parse("2026-12-07T09:00:00Z");
    Tick tick = new Tick(Duration.ofHours(1));
    start("node-1", List.of(tick), Clock.fixed(standing, java.time.ZoneOffset.UTC));

    // WHEN it is run now
    scheduling.runNow("tick", Duration.ofSeconds(10));

    // THEN the job sees that very instant, not a second either side of it, so what is due at the
    // hour is due in this run
    assertThat(tick.firings).containsExactly(standing);
  }

  @Test
  @DisplayName("each run is reported when it ends, a failed one as failed")
  void runsAndFailuresAreCounted() throws Exception {
    // GIVEN a job that fails on its second run, and metrics that record what they are told
    List<String> reported = new CopyOnWriteArrayList<>();
    Metrics metrics =
        new Metrics() {
          @Override
          public void jobFinished(String job, boolean failed) {
            reported.add(job + (failed ? " failed" : " ok"));
          }
        };
    List<Instant> runs = new CopyOnWriteArrayList<>();
    ScheduledJob flaky =
        new ScheduledJob() {
          @Override
          public String key() {
            return "flaky";
          }

          @Override
          public Schedule schedule() {
            return new Schedule.Every(Duration.ofHours(1), Schedule.Misfire.SKIP_TO_NEXT);
          }

          @Override
          public void run(Instant firedAt) {
            runs.add(firedAt);
            if (runs.size() == 2) {
              throw new IllegalStateException("the second run fails");
            }
          }
        };
    scheduling =
        new Scheduling(
            db,
            SchedulerSettings.defaults().withInstanceId("node-1"),
            List.of(flaky),
            Clock.systemUTC(),
            metrics);
    scheduling.start();

    // WHEN it runs twice
    scheduling.runNow("flaky", Duration.ofSeconds(10));
    try {
      scheduling.runNow("flaky", Duration.ofSeconds(10));
    } catch (Exception expected) {
      // the second run's failure reaches the caller too
    }

    // THEN both runs were reported, the second as failed
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(reported).containsExactly("flaky ok", "flaky failed"));
  }
}
