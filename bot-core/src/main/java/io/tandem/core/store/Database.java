package io.tandem.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.eclipse.persistence.sessions.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: one HikariCP pool, the migrated schema and the EclipseLink persistence unit over
 * that pool. Open one per process and share it; it is safe to use from many threads.
 *
 * <p>SQLite URLs get {@code busy_timeout=10000}, {@code journal_mode=WAL}, {@code
 * transaction_mode=IMMEDIATE}, {@code synchronous=NORMAL}, {@code foreign_keys=true} and {@code
 * wal_autocheckpoint=0} unless the URL sets them: a transaction takes the single write lock when it
 * begins ({@link #readsFirst}: when it first writes) and waits for it instead of failing with
 * {@code SQLITE_BUSY} ({@link SqliteWriter}), and no commit copies the log into the file; a {@link
 * WalCheckpointer} does that on a thread of its own. SQLite in-memory databases are rejected: each
 * pooled connection would see its own empty database. Use a file (tests: a temporary one).
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final String SQLITE_PREFIX = SqliteUrls.PREFIX;

  private final HikariDataSource pool;
  private final EntityManagerFactory emf;
  private final boolean sqlite;
  private final List<Migrations.Applied> appliedAtOpen;
  private final WalCheckpointer checkpointer;
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
  private final ThreadLocal<Rider> rider = new ThreadLocal<>();

  /**
   * Work that joins a transaction it did not start: armed with {@link #withRider} around a call
   * into code that runs its own transactions, it runs inside the first of them whose result it
   * {@link #wants}, just before that transaction commits, and is disarmed by the commit. The intake
   * uses it to record "done" in the very transaction that makes a request's effect, so an effect
   * and its record commit together or not at all.
   */
  public interface Rider {
    /** Whether to join the transaction that produced {@code result}. */
    boolean wants(Object result);

    /** Writes the rider's rows in the transaction, through its persistence port. */
    void beforeCommit(Store store, Object result);
  }

  /**
   * Runs {@code work} on this thread with {@code rider} armed.
   *
   * @return what {@code work} returned, and whether the rider committed with one of its
   *     transactions
   */
  public <T> Ridden<T> withRider(Rider rider, java.util.function.Supplier<T> work) {
    Objects.requireNonNull(rider, "rider");
    if (this.rider.get() != null) {
      throw new IllegalStateException("a rider is already armed on this thread");
    }
    this.rider.set(rider);
    try {
      T result = work.get();
      return new Ridden<>(result, this.rider.get() == null);
    } finally {
      this.rider.remove();
    }
  }

  /** What {@link #withRider} returns. */
  public record Ridden<T>(T result, boolean rode) {}

  /** SQLite's one writer, queued in this process; null on PostgreSQL. */
  private final SqliteWriter sqliteWriter;

  private final Store.ReadsFirst readsFirstHooks;

  private Database(
      HikariDataSource pool,
      EntityManagerFactory emf,
      String url,
      List<Migrations.Applied> appliedAtOpen) {
    this.pool = pool;
    this.emf = emf;
    this.sqlite = url.startsWith(SQLITE_PREFIX);
    this.appliedAtOpen = appliedAtOpen;
    this.sqliteWriter = sqlite ? new SqliteWriter() : null;
    this.readsFirstHooks = readsFirstHooks();
    this.checkpointer = sqlite ? WalCheckpointer.start(url, sqliteWriter.lock()) : null;
    if (sqlite) {
      JpaHelper.getServerSession(emf).getEventManager().addListener(sqliteWriter);
    }
  }

  /** Opens the database, applying pending migrations first. */
  public static Database open(
      String jdbcUrl, String user, String password, int poolSize, Clock clock) {
    return open(DatabaseSettings.of(jdbcUrl, user, password, poolSize), clock);
  }

  /**
   * Opens the pool, migrates when the settings say so, then starts the persistence unit.
   *
   * @param clock stamps {@link Migrations.Applied#appliedAt}
   * @throws io.tandem.core.kernel.SetupFailure when the database cannot be reached or created (a
   *     missing or read-only folder, a server that is down or refuses the user) or the URL names a
   *     SQLite in-memory database; nothing has started then
   * @throws Migrations.MigrationException when the schema cannot be brought up to date
   */
  public static Database open(DatabaseSettings settings, Clock clock) {
    return open(settings, clock, false);
  }

  /** {@link #open}, checking beside the persistence unit's start that the schema is current. */
  private static Database open(DatabaseSettings settings, Clock clock, boolean checkSchema) {
    Objects.requireNonNull(clock, "clock");
    boolean sqlite = settings.jdbcUrl().startsWith(SQLITE_PREFIX);
    String url = sqlite ? SqliteUrls.checked(settings.jdbcUrl()) : settings.jdbcUrl();
    DatabaseProblems.sqliteFile(url).ifPresent(DatabaseProblems::checkSqliteFolder);
    DatabaseProblems.probe(url, settings.user(), settings.password());

    HikariConfig config = new HikariConfig();
    config.setPoolName("tandem-db");
    config.setJdbcUrl(url);
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setAutoCommit(true);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      List<Migrations.Applied> applied =
          settings.migrateOnOpen() ? Migrations.migrate(pool, clock) : List.of();
      EntityManagerFactory emf =
          checkSchema
              ? ReadOnlyStart.start(
                  () -> DatabaseProblems.requireCurrentSchema(pool, settings.jdbcUrl()),
                  () -> createFactory(pool, sqlite))
              : createFactory(pool, sqlite);
      LOG.info("Database open: {} ({} migrations applied)", SqliteUrls.redact(url), applied.size());
      return new Database(pool, emf, url, applied);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  // --- Opening without migrating, for commands that only read ---

  /**
   * Opens a database that {@code tandem migrate} or {@code tandem run} made, for commands that only
   * read: it never creates a file and never migrates, whatever {@code settings} say.
   *
   * @throws io.tandem.core.kernel.SetupFailure when there is no database, or its schema is not
   *     exactly the one this build's migrations make (older: run migrate; newer: run a newer
   *     Tandem)
   */
  public static Database openExisting(DatabaseSettings settings, Clock clock) {
    String url = settings.jdbcUrl();
    if (url.startsWith(SQLITE_PREFIX)) {
      DatabaseProblems.sqliteFile(SqliteUrls.checked(url))
          .ifPresent(DatabaseProblems::requireExistingSqlite);
    }
    return open(settings.withMigrateOnOpen(false), clock, true);
  }

  private static EntityManagerFactory createFactory(DataSource dataSource, boolean sqlite) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
    properties.put(PersistenceUnitProperties.CLASSLOADER, Database.class.getClassLoader());
    if (sqlite) {
      properties.put(PersistenceUnitProperties.TARGET_DATABASE, SQLitePlatform.class.getName());
    }
    EntityManagerFactory emf =
        new PersistenceProvider().createEntityManagerFactory("tandem", properties);
    if (emf == null) {
      throw new IllegalStateException("persistence unit 'tandem' not found on the classpath");
    }
    try {
      // EclipseLink deploys lazily; fail here, not on the first command, if the mapping is wrong
      emf.createEntityManager().close();
    } catch (RuntimeException e) {
      emf.close();
      throw e;
    }
    return emf;
  }

  /**
   * Runs {@code work} in one transaction and commits it; on any exception rolls everything back and
   * rethrows. The transaction holds its connection from the start, so reads inside it see the same
   * data the writes go to (on SQLite it holds the write lock for its whole length: keep the work
   * short and never wait for other threads inside it).
   *
   * @throws IllegalStateException when called from inside another {@code inTransaction} on the same
   *     thread (nesting would deadlock on SQLite)
   */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    return run(work, false);
  }

  /**
   * Runs {@code work} in one transaction whose queries run before it writes and never flush: it
   * writes when it commits, or where it calls {@link Store#flush}. On SQLite its reads take no
   * write lock: they run beside other transactions, each query seeing what was committed when it
   * started, and the lock is taken only when the first write begins, so the lock is held for the
   * writes alone. That is what PostgreSQL's READ COMMITTED gives every transaction, so work that is
   * right on PostgreSQL is right here: a write that must not race another needs a unique key (and
   * {@link #readsFirstRetryingConflicts}). On PostgreSQL it is {@link #transaction} with queries
   * that do not flush.
   */
  public <T> T readsFirst(Function<Store, T> work) {
    Objects.requireNonNull(work, "work");
    return run(em -> work.apply(new Store(em, readsFirstHooks)), true);
  }

  /** {@link #readsFirst} with the conflict retries of {@link #inTransactionRetryingConflicts}. */
  public <T> T readsFirstRetryingConflicts(Function<Store, T> work) {
    Objects.requireNonNull(work, "work");
    return Conflicts.retrying(() -> readsFirst(work));
  }

  /** The hooks of a reads-first transaction's store: none on PostgreSQL. */
  private Store.ReadsFirst readsFirstHooks() {
    if (!sqlite) {
      return Store.ReadsFirst.NONE;
    }
    return new Store.ReadsFirst() {
      @Override
      public java.sql.Connection connectionBeforeWrites() throws SQLException {
        return sqliteWriter.beforeWrites() ? pool.getConnection() : null;
      }

      @Override
      public void writesBegin() {
        sqliteWriter.writesBegin();
      }
    };
  }

  private <T> T run(Function<EntityManager, T> work, boolean readsFirst) {
    Objects.requireNonNull(work, "work");
    if (inTransaction.get()) {
      throw new IllegalStateException("inTransaction must not be nested");
    }
    inTransaction.set(true);
    boolean lockAtFirstWrite = sqlite && readsFirst;
    if (sqlite) {
      sqliteWriter.transactionStarts(readsFirst);
    }
    EntityManager em = null;
    try {
      em = emf.createEntityManager();
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        if (readsFirst) {
          em.setFlushMode(FlushModeType.COMMIT);
        }
        if (!lockAtFirstWrite) {
          em.unwrap(UnitOfWork.class).beginEarlyTransaction();
        }
        T result = work.apply(em);
        Rider joining = rider.get();
        if (joining != null && joining.wants(result)) {
          joining.beforeCommit(new Store(em), result);
          tx.commit();
          rider.remove();
        } else {
          tx.commit();
        }
        return result;
      } catch (RuntimeException | Error e) {
        if (tx.isActive()) {
          try {
            tx.rollback();
          } catch (RuntimeException rollbackFailure) {
            e.addSuppressed(rollbackFailure);
          }
        }
        throw e;
      }
    } finally {
      if (em != null) {
        em.close();
      }
      if (sqlite) {
        sqliteWriter.transactionEnded();
      }
      inTransaction.remove();
    }
  }

  /**
   * Runs {@code work} in one transaction, handing it the transaction's {@link Store}: the way use
   * cases reach the database (their repositories take the store; only persistence code touches its
   * entity manager). Same rules as {@link #inTransaction}.
   */
  public <T> T transaction(Function<Store, T> work) {
    Objects.requireNonNull(work, "work");
    return inTransaction(em -> work.apply(new Store(em)));
  }

  /** {@link #transaction} with the conflict retries of {@link #inTransactionRetryingConflicts}. */
  public <T> T transactionRetryingConflicts(Function<Store, T> work) {
    Objects.requireNonNull(work, "work");
    return inTransactionRetryingConflicts(em -> work.apply(new Store(em)));
  }

  /**
   * Like {@link #inTransaction}, but when the commit loses a race with another transaction (a
   * unique key taken meanwhile, a PostgreSQL serialization failure or deadlock) runs {@code work}
   * again, up to {@value Conflicts#ATTEMPTS} times in all, so that it sees the winner's rows. For
   * get-or-create work such as joining; {@code work} must have no effects outside the transaction.
   */
  public <T> T inTransactionRetryingConflicts(Function<EntityManager, T> work) {
    Objects.requireNonNull(work, "work");
    return Conflicts.retrying(() -> inTransaction(work));
  }

  /** Registers an EclipseLink session listener, e.g. to hear of every commit. */
  public void addSessionListener(org.eclipse.persistence.sessions.SessionEventListener listener) {
    inTransaction(
        em -> {
          em.unwrap(org.eclipse.persistence.jpa.JpaEntityManager.class)
              .getServerSession()
              .getEventManager()
              .addListener(listener);
          return null;
        });
  }

  /** The connection pool, for components that need plain JDBC (Quartz, row counts). */
  public DataSource dataSource() {
    return pool;
  }

  public boolean isSqlite() {
    return sqlite;
  }

  /** The migrations that {@link #open} applied (empty when the schema was up to date). */
  public List<Migrations.Applied> migrationsAppliedAtOpen() {
    return appliedAtOpen;
  }

  @Override
  public void close() {
    if (checkpointer != null) {
      checkpointer.close();
    }
    try {
      emf.close();
    } finally {
      pool.close();
    }
  }

  /** Adds Tandem's SQLite settings to a {@code jdbc:sqlite:} URL; see {@link SqliteUrls}. */
  static String sqliteUrl(String jdbcUrl) {
    return SqliteUrls.withDefaults(jdbcUrl);
  }
}
