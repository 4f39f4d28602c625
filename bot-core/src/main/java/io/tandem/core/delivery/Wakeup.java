package io.tandem.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * When the dispatcher's coordinator claims next: at once after {@link #wake()}, when the earliest
 * deferred message comes due, and otherwise after the poll interval. {@link #wake()} and {@link
 * #dueAt} are callable from any thread; {@link #await} from the coordinator only.
 */
final class Wakeup {

  private final Clock clock;
  private final Duration pollInterval;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition condition = lock.newCondition();
  private boolean woken;
  private final AtomicLong nextDueMillis = new AtomicLong(Long.MAX_VALUE);

  Wakeup(Clock clock, Duration pollInterval) {
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  void wake() {
    lock.lock();
    try {
      woken = true;
      condition.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Notes that a deferred message comes due at {@code at}. */
  void dueAt(Instant at) {
    nextDueMillis.accumulateAndGet(at.toEpochMilli(), Math::min);
  }

  /** Forgets the noted due time once it has passed; the claim at {@code now} covers it. */
  void claiming(Instant now) {
    if (nextDueMillis.get() <= now.toEpochMilli()) {
      nextDueMillis.set(Long.MAX_VALUE);
    }
  }

  /** Waits until woken, until the next due time, or for the poll interval, while running. */
  void await(BooleanSupplier running) throws InterruptedException {
    lock.lock();
    try {
      long waitMillis = pollInterval.toMillis();
      long due = nextDueMillis.get();
      if (due != Long.MAX_VALUE) {
        waitMillis = Math.min(waitMillis, Math.max(0, due - clock.millis()));
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (!woken && running.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        condition.awaitNanos(left);
      }
      woken = false;
    } finally {
      lock.unlock();
    }
  }
}
