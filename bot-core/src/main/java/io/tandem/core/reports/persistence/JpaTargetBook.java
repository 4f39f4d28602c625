package io.tandem.core.reports.persistence;

import io.tandem.core.reports.ProgramTargets;
import io.tandem.core.reports.TargetBook;
import io.tandem.core.store.Store;
import java.util.Objects;
import java.util.Optional;

/** {@link TargetBook} in JPA. One per transaction, not thread-safe. */
public final class JpaTargetBook implements TargetBook {

  private final Store store;

  public JpaTargetBook(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<ProgramTargets> find(long programId) {
    return Optional.ofNullable(store.entityManager().find(ProgramTargets.class, programId));
  }

  @Override
  public void add(ProgramTargets targets) {
    store.add(targets);
  }
}
