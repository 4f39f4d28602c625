package io.tandem.core.checkins;

import io.tandem.core.checkins.persistence.JpaSessions;
import io.tandem.core.store.Store;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The logged sessions and their perspectives ({@link SessionNote}), over one transaction's {@link
 * Store}. Sessions are numbered per pair, or per person while they are unpaired.
 */
public interface Sessions {

  static Sessions in(Store store) {
    return new JpaSessions(store);
  }

  /** Session count and total minutes. */
  record Totals(long count, long minutes) {}

  Optional<Session> onDay(long pairId, String localDate);

  /** The next number for a pair's session, or for an unpaired person's ({@code pairId} null). */
  int nextNumber(Long pairId, long participantId);

  /** A pair's sessions, newest number first. */
  List<Session> ofPair(long pairId);

  /** An unpaired person's own sessions, newest number first. */
  List<Session> solo(long participantId);

  Optional<Session> session(long id);

  /** How many sessions a participant logged, and their minutes in total. */
  Totals totals(long participantId);

  /** The session a participant logged last. */
  Optional<Session> last(long participantId);

  /** A session's perspectives, oldest first. */
  List<SessionNote> notes(long sessionId);

  List<SessionNote> notes(Collection<Long> sessionIds);

  Optional<SessionNote> note(long sessionId, long participantId);

  Optional<SessionNote> noteById(long noteId);
}
