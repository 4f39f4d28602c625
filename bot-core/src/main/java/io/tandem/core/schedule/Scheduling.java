package io.tandem.core.schedule;

import io.tandem.core.port.out.Metrics;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.spi.JobFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, with its job store in Tandem's own database (the {@code QRTZ_} tables of migration V2)
 * reached through the application's connection pool, so schedules and their progress survive
 * restarts. On PostgreSQL it runs clustered: instances sharing the database share the work, each
 * firing runs on exactly one of them, and a surviving instance takes over the firings of one that
 * died. On SQLite it runs alone (one instance per file), with in-process locking.
 *
 * <p>Jobs are {@link ScheduledJob}s registered up front: {@link #start()} stores each job and its
 * trigger, keeps a trigger whose schedule is unchanged (so its progress and missed firings survive
 * a restart), replaces one whose schedule changed, and deletes stored Tandem jobs no longer
 * registered. A {@link JobFactory} hands Quartz the registered instances.
 *
 * <p>Quartz keeps its own time (the system clock); the jobs get the scheduled fire time and keep
 * their own logic clock-driven.
 */
public final class Scheduling implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Scheduling.class);

  /** Quartz's {@code SCHED_NAME}: instances with the same name form one cluster. */
  public static final String SCHEDULER_NAME = "tandem";

  /** The Quartz group of every Tandem job and trigger. */
  public static final String GROUP = "tandem";

  static final String RUN_TOKEN = "tandem.runNow";

  private final Database db;
  private final SchedulerSettings settings;
  private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
  private final Clock clock;
  private final Map<String, CompletableFuture<Void>> runsAwaited = new ConcurrentHashMap<>();
  private Scheduler scheduler;
  private final Metrics metrics;

  /** Jobs on the system clock. */
  public Scheduling(Database db, SchedulerSettings settings, List<ScheduledJob> jobs) {
    this(db, settings, jobs, Clock.systemUTC());
  }

  /** Jobs on {@code clock}, reporting to no metrics. */
  public Scheduling(Database db, SchedulerSettings settings, List<ScheduledJob> jobs, Clock clock) {
    this(db, settings, jobs, clock, Metrics.NONE);
  }

  /**
   * @param clock Tandem's clock: jobs see each scheduled fire time on it (see {@link #onClock})
   * @param metrics told how late each firing starts, how each run ended, and of misfires
   */
  public Scheduling(
      Database db,
      SchedulerSettings settings,
      List<ScheduledJob> jobs,
      Clock clock,
      Metrics metrics) {
    this.db = Objects.requireNonNull(db, "db");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (ScheduledJob job : jobs) {
      if (this.jobs.put(job.key(), job) != null) {
        throw new IllegalArgumentException("two jobs named " + job.key());
      }
    }
  }

  /**
   * Whether Quartz is started and firing (not shut down, not in standby); false when it cannot say.
   */
  public synchronized boolean running() {
    try {
      return scheduler != null
          && scheduler.isStarted()
          && !scheduler.isShutdown()
          && !scheduler.isInStandbyMode();
    } catch (SchedulerException e) {
      return false;
    }
  }

  /** Creates the Quartz scheduler on the database, registers the jobs and starts firing. */
  public synchronized void start() throws SchedulerException {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    Scheduler created = QuartzSetup.create(db, settings);
    try {
      created.setJobFactory(new QuartzListeners.Factory(jobs, clock, () -> metrics));
      created
          .getListenerManager()
          .addJobListener(new QuartzListeners.RunsEnded(runsAwaited, () -> metrics));
      created.getListenerManager().addTriggerListener(new QuartzListeners.Misfires(() -> metrics));
      new JobRegistration(jobs).register(created);
      created.start();
    } catch (SchedulerException | RuntimeException e) {
      created.shutdown(false);
      throw e;
    }
    scheduler = created;
    LOG.info(
        "Scheduler {} started on {} ({}): {}",
        settings.instanceId(),
        db.isSqlite() ? "SQLite" : "PostgreSQL",
        db.isSqlite() ? "single instance" : "clustered",
        jobs.keySet());
  }

  /** Runs a registered job now (once, on this or another instance), e.g. for an admin command. */
  public void triggerNow(String key) throws SchedulerException {
    requireStarted().triggerJob(JobKey.jobKey(key, GROUP));
  }

  /**
   * Runs a registered job now on this instance's scheduler and waits until that run has finished.
   * The job sees the instant Tandem's clock reads when it runs.
   *
   * @throws TimeoutException if it has not finished within {@code timeout}
   */
  public void runNow(String key, Duration timeout)
      throws SchedulerException, InterruptedException, TimeoutException {
    String token = UUID.randomUUID().toString();
    CompletableFuture<Void> finished = new CompletableFuture<>();
    runsAwaited.put(token, finished);
    try {
      requireStarted()
          .triggerJob(JobKey.jobKey(key, GROUP), new JobDataMap(Map.of(RUN_TOKEN, token)));
      finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new SchedulerException("job " + key + " failed", e.getCause());
    } finally {
      runsAwaited.remove(token);
    }
  }

  /** When a registered job fires next, if it is scheduled. */
  public Optional<Instant> nextFireTime(String key) throws SchedulerException {
    Trigger trigger = requireStarted().getTrigger(TriggerKey.triggerKey(key, GROUP));
    return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
  }

  /** The stored trigger of a job (for tests and diagnostics). */
  public Optional<Trigger> trigger(String key) throws SchedulerException {
    return Optional.ofNullable(requireStarted().getTrigger(TriggerKey.triggerKey(key, GROUP)));
  }

  public String instanceId() {
    return settings.instanceId();
  }

  private synchronized Scheduler requireStarted() {
    if (scheduler == null) {
      throw new IllegalStateException("not started");
    }
    return scheduler;
  }

  /**
   * Stops at once, without waiting for running jobs: what remains of a process that lost its
   * database. (A clean {@link #close} would wait for a job whose completion Quartz cannot record
   * without the database.) For tests that kill an instance.
   */
  synchronized void halt() throws SchedulerException {
    if (scheduler != null) {
      scheduler.shutdown(false);
      scheduler = null;
    }
  }

  /** Stops firing and waits for running jobs to finish. */
  @Override
  public synchronized void close() throws SchedulerException {
    if (scheduler != null) {
      scheduler.shutdown(true);
      scheduler = null;
      LOG.info("Scheduler {} stopped", settings.instanceId());
    }
  }

  /** For tests: the jobs as registered. */
  List<ScheduledJob> jobs() {
    return new ArrayList<>(jobs.values());
  }
}
