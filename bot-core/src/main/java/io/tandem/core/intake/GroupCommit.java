package io.tandem.core.intake;

import io.tandem.core.intake.persistence.InboxRows;
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
 * Stores the requests that arrive together in one transaction: on SQLite every transaction queues
 * for the one write lock behind the workers' transactions, so one insert per acknowledgement made
 * acknowledgements wait seconds under load. A single writer thread takes whatever is waiting (up to
 * {@link #MAX_BATCH}), commits it, and releases each caller with its own result; a lone request is
 * a batch of one, so nothing waits for company.
 */
final class GroupCommit {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  static final int MAX_BATCH = 200;

  /** Longer than any acknowledgement may take: past it the caller gives up (no ack). */
  private static final long WAIT_SECONDS = 10;

  private record Pending(InboxRows.NewRow row, CompletableFuture<Boolean> stored) {}

  private final InboxRows inbox;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  GroupCommit(InboxRows inbox) {
    this.inbox = inbox;
    this.writer = new Thread(this::write, "tandem-inbox-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Stores {@code row}, committed when this returns.
   *
   * @return whether it was new
   * @throws IllegalStateException when it could not be stored (the caller must not acknowledge)
   */
  boolean insert(InboxRows.NewRow row) {
    if (!running) {
      throw new IllegalStateException("stopping: " + row.deliveryKey() + " is not stored");
    }
    CompletableFuture<Boolean> stored = new CompletableFuture<>();
    queue.add(new Pending(row, stored));
    try {
      return stored.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing " + row.deliveryKey(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not store " + row.deliveryKey(), e);
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
        List<Boolean> inserted = inbox.insertAll(batch.stream().map(Pending::row).toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).stored().complete(inserted.get(i));
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
