package io.tandem.core.schedule;

import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Creates Quartz on Tandem's database: its job store in the {@code QRTZ_} tables reached through
 * the application's pool, clustered on PostgreSQL, alone with in-process locking on SQLite.
 */
final class QuartzSetup {

  private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

  private QuartzSetup() {}

  /** A new, unstarted scheduler. */
  static Scheduler create(Database db, SchedulerSettings settings) throws SchedulerException {
    String dataSource = "tandem-" + DATA_SOURCES.incrementAndGet();
    DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolProvider(db));
    Properties props = new Properties();
    props.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, Scheduling.SCHEDULER_NAME);
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
    SchedulerRepository.getInstance().remove(Scheduling.SCHEDULER_NAME);
    return created;
  }

  /** The application's pool as a Quartz data source. */
  static final class PoolProvider implements ConnectionProvider {
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
}
