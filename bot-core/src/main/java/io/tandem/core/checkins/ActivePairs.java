package io.tandem.core.checkins;

import io.tandem.core.checkins.persistence.JpaActivePairs;
import io.tandem.core.matching.Pair;
import io.tandem.core.store.Store;
import java.util.Optional;

/** The pair a participant is in now, over one transaction's {@link Store}. */
public interface ActivePairs {

  static ActivePairs in(Store store) {
    return new JpaActivePairs(store);
  }

  /** The participant's active pair, newest first if there are several. */
  Optional<Pair> of(long participantId);
}
