package io.tandem.simulator.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An append-only, thread-safe list a test thread can wait on. Server threads append; waiters wake
 * on every append.
 */
final class Journal<T> {
  private final List<T> entries = new ArrayList<>();

  synchronized void append(T entry) {
    entries.add(entry);
    notifyAll();
  }

  synchronized List<T> snapshot() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }

  /**
   * Waits until at least {@code count} entries match, then returns the first {@code count} of them.
   *
   * @throws AssertionError when the timeout passes first, naming what was seen
   */
  synchronized List<T> await(
      Predicate<? super T> filter, int count, Duration timeout, String description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<T> matching = new ArrayList<>();
      for (T entry : entries) {
        if (filter.test(entry)) {
          matching.add(entry);
          if (matching.size() == count) {
            return matching;
          }
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "Timed out after "
                + timeout
                + " waiting for "
                + count
                + " x "
                + description
                + "; saw "
                + matching.size()
                + " of "
                + entries.size()
                + " entries: "
                + entries);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + description, e);
      }
    }
  }
}
