package io.tandem.core.schedule;

import io.tandem.core.port.out.Metrics;
import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
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
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.listeners.TriggerListenerSupport;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
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

  private static final String RUN_TOKEN = "tandem.runNow";

  private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

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
    String dataSource = "tandem-" + DATA_SOURCES.incrementAndGet();
    DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolProvider(db));
    Properties props = new Properties();
    props.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
    props.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, settings.instanceId());
    props.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "true");
    props.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
    props.setProperty(
        "org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()));
    props.setProperty("org.quartz.threadPool.threadNamePrefix", "tandem-quartz");
    props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    props.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
    props.setProperty(
        "org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
    props.setProperty("org.quartz.jobStore.dataSource", dataSource);
    props.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    props.setProperty("org.quartz.jobStore.useProperties", "false");
    props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    props.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    if (db.isSqlite()) {
      // one instance per file; SQLite has no SELECT ... FOR UPDATE, so lock in memory
      props.setProperty("org.quartz.jobStore.isClustered", "false");
      props.setProperty(
          "org.quartz.jobStore.lockHandler.class",
          org.quartz.impl.jdbcjobstore.SimpleSemaphore.class.getName());
    } else {
      props.setProperty("org.quartz.jobStore.isClustered", "true");
      props.setProperty(
          "org.quartz.jobStore.clusterCheckinInterval",
          Long.toString(settings.clusterCheckinInterval().toMillis()));
    }
    StdSchedulerFactory factory = new StdSchedulerFactory(props);
    Scheduler created = factory.getScheduler();
    // Quartz keeps a JVM-wide registry by scheduler name; tests run several instances in one JVM
    SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
    try {
      created.setJobFactory(new Factory(jobs, clock, () -> metrics));
      created.getListenerManager().addJobListener(new RunsEnded(runsAwaited, () -> metrics));
      created.getListenerManager().addTriggerListener(new Misfires(() -> metrics));
      register(created);
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

  private void register(Scheduler quartz) throws SchedulerException {
    Set<JobKey> stored = quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
    for (JobKey key : stored) {
      if (!jobs.containsKey(key.getName())) {
        LOG.info("Deleting the stored job {}: no longer registered", key.getName());
        quartz.deleteJob(key);
      }
    }
    for (ScheduledJob job : jobs.values()) {
      JobKey jobKey = JobKey.jobKey(job.key(), GROUP);
      TriggerKey triggerKey = TriggerKey.triggerKey(job.key(), GROUP);
      JobDetail detail =
          JobBuilder.newJob(QuartzJob.class)
              .withIdentity(jobKey)
              .withDescription(job.getClass().getName())
              .storeDurably()
              .requestRecovery(true)
              .build();
      Trigger trigger = trigger(job, triggerKey);
      Trigger existing = quartz.getTrigger(triggerKey);
      if (existing == null) {
        quartz.addJob(detail, true);
        quartz.scheduleJob(trigger);
        LOG.info("Scheduled {}: {}", job.key(), job.schedule().describe());
      } else if (!job.schedule().describe().equals(existing.getDescription())) {
        quartz.addJob(detail, true);
        quartz.rescheduleJob(triggerKey, trigger);
        LOG.info("Rescheduled {}: {}", job.key(), job.schedule().describe());
      } else {
        LOG.debug(
            "{} keeps its stored trigger (next fire {})", job.key(), existing.getNextFireTime());
      }
    }
  }

  private static Trigger trigger(ScheduledJob job, TriggerKey key) {
    TriggerBuilder<Trigger> builder =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(job.key(), GROUP)
            .withDescription(job.schedule().describe());
    Schedule schedule = job.schedule();
    if (schedule instanceof Schedule.Every every) {
      SimpleScheduleBuilder simple =
          SimpleScheduleBuilder.simpleSchedule()
              .withIntervalInMilliseconds(every.interval().toMillis())
              .repeatForever();
      simple =
          every.misfire() == Schedule.Misfire.FIRE_ONCE_NOW
              ? simple.withMisfireHandlingInstructionNowWithExistingCount()
              : simple.withMisfireHandlingInstructionNextWithRemainingCount();
      return builder
          .startAt(new Date(System.currentTimeMillis() + every.interval().toMillis()))
          .withSchedule(simple)
          .build();
    }
    Schedule.Cron cron = (Schedule.Cron) schedule;
    CronScheduleBuilder cronBuilder =
        CronScheduleBuilder.cronSchedule(cron.expression())
            .inTimeZone(TimeZone.getTimeZone(cron.zone()));
    cronBuilder =
        cron.misfire() == Schedule.Misfire.FIRE_ONCE_NOW
            ? cronBuilder.withMisfireHandlingInstructionFireAndProceed()
            : cronBuilder.withMisfireHandlingInstructionDoNothing();
    return builder.startNow().withSchedule(cronBuilder).build();
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

  /**
   * A scheduled fire time as Tandem's clock tells it: the same instant in production, where Tandem
   * runs on the system clock; moved by the clock's offset from the system clock where Tandem runs
   * on a shifted one (the demo's compressed weeks). Whole seconds, so that a re-run of one firing
   * sees the same instant.
   */
  static Instant onClock(Instant scheduled, Clock clock) {
    long offsetMillis = clock.millis() - System.currentTimeMillis();
    return scheduled.plusSeconds(Math.round(offsetMillis / 1000.0));
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

  /** Hands Quartz the registered {@link ScheduledJob} instances. */
  private static final class Factory implements JobFactory {
    private final Map<String, ScheduledJob> jobs;
    private final Clock clock;
    private final java.util.function.Supplier<Metrics> metrics;

    Factory(
        Map<String, ScheduledJob> jobs, Clock clock, java.util.function.Supplier<Metrics> metrics) {
      this.jobs = Map.copyOf(jobs);
      this.clock = clock;
      this.metrics = metrics;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
      String key = bundle.getJobDetail().getKey().getName();
      ScheduledJob job = jobs.get(key);
      if (job == null) {
        throw new SchedulerException("no registered job " + key);
      }
      return new QuartzJob(job, clock, metrics.get());
    }
  }

  /**
   * When a run has ended: counts it for {@link Metrics} (failed or not), and completes its {@link
   * #runNow} future, if it has one.
   */
  private static final class RunsEnded extends JobListenerSupport {
    private final Map<String, CompletableFuture<Void>> awaited;
    private final java.util.function.Supplier<Metrics> metrics;

    RunsEnded(
        Map<String, CompletableFuture<Void>> awaited,
        java.util.function.Supplier<Metrics> metrics) {
      this.awaited = awaited;
      this.metrics = metrics;
    }

    @Override
    public String getName() {
      return "tandem-runs-ended";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
      metrics.get().jobFinished(context.getJobDetail().getKey().getName(), failure != null);
      Object token = context.getMergedJobDataMap().get(RUN_TOKEN);
      CompletableFuture<Void> finished = token == null ? null : awaited.get(token.toString());
      if (finished == null) {
        return;
      }
      if (failure == null) {
        finished.complete(null);
      } else {
        finished.completeExceptionally(failure);
      }
    }
  }

  /** Counts firings that Quartz found missed by more than its misfire threshold. */
  private static final class Misfires extends TriggerListenerSupport {
    private final java.util.function.Supplier<Metrics> metrics;

    Misfires(java.util.function.Supplier<Metrics> metrics) {
      this.metrics = metrics;
    }

    @Override
    public String getName() {
      return "tandem-misfires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
      metrics.get().jobMisfired(trigger.getJobKey().getName());
    }
  }

  /** Quartz's view of a {@link ScheduledJob}; never two runs of one job at once. */
  @DisallowConcurrentExecution
  static final class QuartzJob implements Job {
    private final ScheduledJob job;
    private final Clock clock;
    private final Metrics metrics;

    QuartzJob(ScheduledJob job, Clock clock, Metrics metrics) {
      this.job = job;
      this.clock = clock;
      this.metrics = metrics;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      Date scheduled = context.getScheduledFireTime();
      Instant scheduledAt = (scheduled != null ? scheduled : context.getFireTime()).toInstant();
      // Quartz fires by the system clock, so its lag is measured by it too
      Duration lag =
          Duration.between(scheduledAt, Instant.ofEpochMilli(System.currentTimeMillis()));
      metrics.jobFired(job.key(), lag.isNegative() ? Duration.ZERO : lag);
      // A run asked for with runNow happens at Tandem's now: on a clock that stands still between
      // steps (the demo's) that is the step's instant exactly, not a second either side of it.
      Instant firedAt =
          context.getMergedJobDataMap().containsKey(RUN_TOKEN)
              ? clock.instant()
              : onClock(scheduledAt, clock);
      try {
        job.run(firedAt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JobExecutionException(e);
      } catch (Exception e) {
        LOG.error("Scheduled job {} failed for the firing at {}", job.key(), firedAt, e);
        throw new JobExecutionException(e);
      }
    }
  }

  /** The application's pool as a Quartz data source. */
  private static final class PoolProvider implements ConnectionProvider {
    private final Database db;

    PoolProvider(Database db) {
      this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return db.dataSource().getConnection();
    }

    @Override
    public void shutdown() {
      // the pool belongs to the application, which closes it after the scheduler
    }

    @Override
    public void initialize() {}
  }

  /** For tests: the jobs as registered. */
  List<ScheduledJob> jobs() {
    return new ArrayList<>(jobs.values());
  }
}
