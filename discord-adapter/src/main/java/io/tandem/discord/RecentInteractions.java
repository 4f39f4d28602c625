package io.tandem.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The interaction ids this run has received lately, so that an interaction dispatched twice (a
 * resumed gateway session replays what the client may already have seen) is responded to once. The
 * intake's inbox keeps a second delivery from having a second effect; this keeps it from making a
 * second callback, which Discord refuses (40060), also where nothing is stored: a form opened from
 * its button, a refusal. Ids are kept as long as an interaction's token lives.
 *
 * <p>Thread-safe.
 */
final class RecentInteractions {
  private static final Duration KEEP = Duration.ofMinutes(15);

  private final Clock clock;

  /** In arrival order, so the oldest come first. */
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  RecentInteractions(Clock clock) {
    this.clock = clock;
  }

  /** Whether {@code interactionId} arrives for the first time; remembers it. */
  synchronized boolean firstArrival(String interactionId) {
    Instant now = clock.instant();
    Instant forgetBefore = now.minus(KEEP);
    Iterator<Instant> oldest = seen.values().iterator();
    while (oldest.hasNext() && oldest.next().isBefore(forgetBefore)) {
      oldest.remove();
    }
    return seen.putIfAbsent(interactionId, now) == null;
  }
}
