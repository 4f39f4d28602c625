package io.tandem.core.matching;

import io.tandem.core.matching.persistence.JpaExclusions;
import io.tandem.core.store.Store;

/** The people each member asked never to be paired with. */
public interface Exclusions {

  static Exclusions in(Store store) {
    return new JpaExclusions(store);
  }

  /** Records an exclusion unless the same one exists; returns whether it was new. */
  boolean addUnlessKnown(Exclusion exclusion);
}
