package io.tandem.core.checkins;

import io.tandem.core.checkins.persistence.JpaPairActivity;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Collection;

/** What people and pairs did, as the signals recorded it, over one transaction's {@link Store}. */
public interface PairActivity {

  static PairActivity in(Store store) {
    return new JpaPairActivity(store);
  }

  /** How many signals of these types a pair has since an instant. */
  long count(long pairId, Collection<SignalType> types, Instant since);

  /** Whether a member ever caused a signal of this type. */
  boolean ever(long memberId, SignalType type);
}
