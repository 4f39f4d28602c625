package io.tandem.core.intake;

import io.tandem.core.intake.persistence.InboxRows;
import io.tandem.core.kernel.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the requests that arrive together, and the claims of answers about to be sent ({@link
 * #move}), in one transaction: on SQLite every transaction queues for the one write lock behind the
 * workers' transactions, so one insert per acknowledgement made acknowledgements wait seconds under
 * load, and one claim per answer took the lock a second time for every command. A single writer
 * thread takes whatever is waiting (up to {@link #MAX_BATCH}), commits it, and releases each caller
 * with its own result; a lone request is a batch of one, so nothing waits for company. Each caller
 * returns only after the commit, so nothing is acknowledged or sent before it is durable.
 */
final class GroupCommit {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  static final int MAX_BATCH = 200;

  /** Longer than any acknowledgement may take: past it the caller gives up (no ack). */
  private static final long WAIT_SECONDS = 10;

  /** A row to insert or a move to make ({@code row} or {@code move} is null). */
  private record Pending(
      InboxRows.NewRow row, InboxRows.Move move, CompletableFuture<Boolean> stored) {
    String key() {
      return row != null ? row.deliveryKey() : move.deliveryKey();
    }
  }

  private final InboxRows inbox;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  GroupCommit(InboxRows inbox) {
    this.inbox = inbox;
    this.writer = DaemonThreads.start("tandem-inbox-writer", this::write);
  }

  /**
   * Stores {@code row}, committed when this returns.
   *
   * @return whether it was new
   * @throws IllegalStateException when it could not be stored (the caller must not acknowledge)
   */
  boolean insert(InboxRows.NewRow row) {
    return commit(new Pending(row, null, new CompletableFuture<>()));
  }

  /**
   * Moves a row from one state to another, committed when this returns.
   *
   * @return whether it was in {@code move.from()} (nothing changes otherwise)
   * @throws IllegalStateException when it could not be stored
   */
  boolean move(InboxRows.Move move) {
    return commit(new Pending(null, move, new CompletableFuture<>()));
  }

  private boolean commit(Pending pending) {
    if (!running) {
      throw new IllegalStateException("stopping: " + pending.key() + " is not stored");
    }
    queue.add(pending);
    try {
      return pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing " + pending.key(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not store " + pending.key(), e);
    }
  }

  private void write() {
    List<Pending> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        List<Pending> inserts = batch.stream().filter(p -> p.row() != null).toList();
        List<Pending> moves = batch.stream().filter(p -> p.move() != null).toList();
        List<Boolean> written =
            inbox.writeAll(
                inserts.stream().map(Pending::row).toList(),
                moves.stream().map(Pending::move).toList());
        for (int i = 0; i < inserts.size(); i++) {
          inserts.get(i).stored().complete(written.get(i));
        }
        for (int i = 0; i < moves.size(); i++) {
          moves.get(i).stored().complete(written.get(inserts.size() + i));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Storing {} requests failed", batch.size(), e);
        batch.forEach(p -> p.stored().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  /** Stores what is waiting, then stops the writer. */
  void close() throws InterruptedException {
    running = false;
    writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
  }
}
