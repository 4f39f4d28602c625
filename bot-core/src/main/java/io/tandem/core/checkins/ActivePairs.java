package io.tandem.core.checkins;

import io.tandem.core.checkins.persistence.JpaActivePairs;
import io.tandem.core.matching.Pair;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Optional;

/** The pairs a participant is in now, over one transaction's {@link Store}. */
public interface ActivePairs {

  static ActivePairs in(Store store) {
    return new JpaActivePairs(store);
  }

  /** The participant's active pair, newest first if there are several. */
  default Optional<Pair> of(long participantId) {
    return all(participantId).stream().findFirst();
  }

  /** Every active pair of the participant (a mentor may have several), newest first. */
  List<Pair> all(long participantId);
}
