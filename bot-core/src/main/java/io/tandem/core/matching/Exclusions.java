package io.tandem.core.matching;

import io.tandem.core.matching.persistence.JpaExclusions;
import io.tandem.core.store.Store;
import java.util.List;

/** The people each member asked never to be paired with. */
public interface Exclusions {

  static Exclusions in(Store store) {
    return new JpaExclusions(store);
  }

  /** Records an exclusion unless the same one exists; returns whether it was new. */
  boolean addUnlessKnown(Exclusion exclusion);

  List<Exclusion> inWorkspace(long workspaceId);
}
