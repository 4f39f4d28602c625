package io.tandem.core.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds back the count of a command handled on this thread until whoever runs the request knows it
 * is not a repeat. A platform may deliver one request twice; the intake finds the repeat only when
 * it stores the request's row, and a command without a transaction (help, a typo) has been handled
 * by then. Counts made outside {@link #hold} go straight through. Closing drops what was not {@link
 * #release}d and puts back the thread's enclosing hold.
 */
public final class HeldCounts implements AutoCloseable {

  private static final ThreadLocal<HeldCounts> CURRENT = new ThreadLocal<>();

  private final HeldCounts enclosing;
  private final List<Runnable> counts = new ArrayList<>(1);

  private HeldCounts(HeldCounts enclosing) {
    this.enclosing = enclosing;
  }

  /** Holds the counts made on this thread until {@link #release} or {@link #close}. */
  public static HeldCounts hold() {
    HeldCounts held = new HeldCounts(CURRENT.get());
    CURRENT.set(held);
    return held;
  }

  /** Counts now, or when the thread's hold is released. */
  static void count(Runnable count) {
    HeldCounts held = CURRENT.get();
    if (held == null) {
      count.run();
    } else {
      held.counts.add(count);
    }
  }

  /** The request was this delivery's first: its counts are made. */
  public void release() {
    counts.forEach(Runnable::run);
    counts.clear();
  }

  @Override
  public void close() {
    counts.clear();
    if (enclosing == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(enclosing);
    }
  }
}
