package io.tandem.core.reports;

import io.tandem.core.reports.persistence.JdbcPairHistories;
import io.tandem.core.store.Store;

/**
 * Where the dashboard reads a pair's history from. Called inside the caller's transaction, on the
 * dashboard's request thread; reads only.
 */
public interface PairHistories {

  static PairHistories in(Store store) {
    return new JdbcPairHistories(store);
  }

  /**
   * The sessions (oldest first) and learning-plan counts of a pair of the program; a pair of
   * another program reads as no history.
   */
  OpenDashboard.PairHistory of(long programId, long pairId);
}
