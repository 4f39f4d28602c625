package io.tandem.core.store;

import io.tandem.core.kernel.DaemonThreads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log into the database file on a thread and a connection of its own.
 * SQLite's automatic checkpoint runs inside whichever commit pushes the log past 1000 pages, with
 * two fsyncs, while that transaction still holds Tandem's write lock: every few hundred commands
 * one person's acknowledgement, and those queued behind it, waited for the disk. The request
 * connections run with {@code wal_autocheckpoint=0} ({@link SqliteUrls}) and this does the same
 * work every {@link #INTERVAL} beside them: a passive checkpoint takes no lock a writer needs.
 *
 * <p>A passive checkpoint copies what was committed when it began; the log restarts from its start
 * only when a transaction begins while it is fully copied. When commits keep arriving while it
 * copies, that never happens and the log grows; so once it holds more than {@link #MAX_FRAMES}
 * pages, the next pass copies what it can beside the writers, then holds this process's writers off
 * (the {@code writer} lock) only while it copies what they committed meanwhile; the first writer
 * after it restarts the log, and the log stays bounded at any write rate.
 */
final class WalCheckpointer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  static final Duration INTERVAL = Duration.ofMillis(500);

  /** About 16 MB of log with 4 KiB pages. */
  static final int MAX_FRAMES = 4000;

  /** What one checkpoint reports: pages in the log, and how many of them are in the file. */
  record Pass(boolean busy, int logFrames, int copiedFrames) {
    boolean complete() {
      return copiedFrames >= logFrames;
    }
  }

  private final String url;
  private final Lock writer;
  private final int maxFrames;
  private final ScheduledExecutorService thread;
  private Connection connection;
  private boolean holdWritersNext;

  private WalCheckpointer(String url, Lock writer, int maxFrames) {
    this.url = url;
    this.writer = writer;
    this.maxFrames = maxFrames;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tandem-sqlite-checkpoint"));
  }

  /** Checkpoints the database at {@code url} every {@link #INTERVAL} until closed. */
  static WalCheckpointer start(String url, Lock writer) {
    return start(url, writer, INTERVAL, MAX_FRAMES);
  }

  static WalCheckpointer start(String url, Lock writer, Duration interval, int maxFrames) {
    WalCheckpointer checkpointer = new WalCheckpointer(url, writer, maxFrames);
    checkpointer.thread.scheduleWithFixedDelay(
        checkpointer::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return checkpointer;
  }

  /** One pass; failures are logged and the next pass tries again on a fresh connection. */
  void pass() {
    boolean holding = holdWritersNext;
    boolean locked = false;
    try {
      if (holding) {
        // the bulk, with its copy and fsync, beside the writers: held, only what they add meanwhile
        checkpoint();
        writer.lock();
        locked = true;
      }
      Pass done = checkpoint();
      // after a held pass that copied everything, the next writer restarts the log
      holdWritersNext = done.logFrames() > maxFrames && !(holding && done.complete());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("SQLite checkpoint failed, trying again shortly: {}", e.toString());
      closeConnection();
    } finally {
      if (locked) {
        writer.unlock();
      }
    }
  }

  private Pass checkpoint() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(url);
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      if (!rs.next()) {
        return new Pass(false, 0, 0);
      }
      return new Pass(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3));
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the checkpoint connection failed: {}", e.toString());
      }
      connection = null;
    }
  }

  /** Stops the passes; the last connection SQLite closes copies what is left. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    closeConnection();
  }
}
