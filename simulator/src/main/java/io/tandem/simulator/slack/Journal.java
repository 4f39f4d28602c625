package io.tandem.simulator.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An append-only, thread-safe list that lets a test thread wait for an entry.
 *
 * <p>Server threads append; any thread reads snapshots or waits. Waiting uses the journal's own
 * monitor, so a waiter wakes as soon as a matching entry is appended.
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

  /** Returns the first entry matching {@code filter}, waiting up to {@code timeout} for it. */
  synchronized Optional<T> await(Predicate<? super T> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (T entry : entries) {
        if (filter.test(entry)) {
          return Optional.of(entry);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /**
   * Returns the first entry matching {@code filter}, waiting up to {@code timeout} for it.
   *
   * @throws AssertionError with the {@code failure} text when none arrives in time
   */
  T awaitOrFail(Predicate<? super T> filter, Duration timeout, Supplier<String> failure) {
    return await(filter, timeout).orElseThrow(() -> new AssertionError(failure.get()));
  }
}
