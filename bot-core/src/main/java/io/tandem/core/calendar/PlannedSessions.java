package io.tandem.core.calendar;

import io.tandem.core.calendar.persistence.JpaPlannedSessions;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The sessions pairs planned, in the transaction of one {@link Store}. */
public interface PlannedSessions {

  static PlannedSessions in(Store store) {
    return new JpaPlannedSessions(store);
  }

  Optional<PlannedSession> ofPair(long pairId);

  PlannedSession add(PlannedSession planned);

  /**
   * In two queries however many there are: the planned sessions whose next occurrence started
   * before {@code startedBefore}, each with when its pair last logged a session (or {@code null}).
   */
  List<Due> startedBefore(Instant startedBefore);

  /** A planned session whose time came, with the pair's latest logged session. */
  record Due(PlannedSession planned, Instant lastLogged) {}
}
