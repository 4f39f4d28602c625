package io.tandem.discord;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The interaction ids this run has received lately, so that an interaction dispatched twice (a
 * resumed gateway session replays what the client may already have seen) is responded to once. The
 * intake's inbox keeps a second delivery from having a second effect; this keeps it from making a
 * second callback, which Discord refuses (40060), also where nothing is stored: a form opened from
 * its button, a refusal. Ids are kept as long as an interaction's token lives, measured in real
 * time: a program clock that moves (a test's, a corrected system clock) must not forget an id
 * early.
 *
 * <p>Thread-safe.
 */
final class RecentInteractions {
  /** How long an interaction's token lives at Discord: real time, whatever the program's clock. */
  private static final long KEEP_NANOS = Duration.ofMinutes(15).toNanos();

  /** Arrival times from System.nanoTime, in arrival order, so the oldest come first. */
  private final Map<String, Long> seen = new LinkedHashMap<>();

  /** Whether {@code interactionId} arrives for the first time; remembers it. */
  synchronized boolean firstArrival(String interactionId) {
    long now = System.nanoTime();
    Iterator<Long> oldest = seen.values().iterator();
    while (oldest.hasNext() && now - oldest.next() > KEEP_NANOS) {
      oldest.remove();
    }
    return seen.putIfAbsent(interactionId, now) == null;
  }
}
