package io.tandem.core.reports;

import io.tandem.core.reports.persistence.JpaTargetBook;
import io.tandem.core.store.Store;
import java.util.Optional;

/**
 * Programs' targets ({@link ProgramTargets}). Called by {@code program targets} and by the report,
 * inside the caller's transaction. One per transaction, not thread-safe.
 */
public interface TargetBook {

  static TargetBook in(Store store) {
    return new JpaTargetBook(store);
  }

  /** The program's targets, if any were ever set. */
  Optional<ProgramTargets> find(long programId);

  /** Adds a program's first targets; the caller checked with {@link #find} that there were none. */
  void add(ProgramTargets targets);
}
