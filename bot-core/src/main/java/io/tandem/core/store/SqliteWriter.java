package io.tandem.core.store;

import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * SQLite has one writer at a time, and a transaction on a connection takes the write lock when it
 * begins ({@code BEGIN IMMEDIATE}). This process's transactions queue on a fair lock first rather
 * than polling SQLite's busy handler, which sleeps in steps of up to 100 ms; other processes (or
 * Quartz on the same pool) still wait on the busy timeout.
 *
 * <p>A transaction takes it when it starts, or, when it reads first ({@link Database#readsFirst}),
 * just before its first write: before it registers a new entity ({@link #writesBegin}), or before
 * EclipseLink begins its database transaction, whether at commit, at a flush or for a native write
 * (this listener hears that begin).
 */
final class SqliteWriter extends SessionEventAdapter {

  private final ReentrantLock lock = new ReentrantLock(true);
  private final ThreadLocal<Boolean> pending = ThreadLocal.withInitial(() -> false);

  /** The lock itself, for the checkpointer's held pass. */
  ReentrantLock lock() {
    return lock;
  }

  /** Takes the lock now, or at this thread's first write when {@code readsFirst}. */
  void transactionStarts(boolean readsFirst) {
    if (readsFirst) {
      pending.set(true);
    } else {
      lock.lock();
    }
  }

  /** Whether this thread's reads-first transaction has not yet begun to write. */
  boolean beforeWrites() {
    return pending.get();
  }

  /** Releases the lock if this thread's transaction took it. */
  void transactionEnded() {
    pending.remove();
    if (lock.isHeldByCurrentThread()) {
      lock.unlock();
    }
  }

  /**
   * This thread's reads-first transaction is about to write: takes the lock if it has not yet.
   * {@link Store} calls it before registering a new entity, because EclipseLink may then take a
   * block of ids in a transaction of its own while it holds its sequencing lock; were the writer
   * lock taken inside that, a writer waiting for ids would deadlock with it.
   */
  void writesBegin() {
    if (pending.get()) {
      pending.set(false);
      lock.lock();
    }
  }

  @Override
  public void preBeginTransaction(SessionEvent event) {
    writesBegin();
  }
}
