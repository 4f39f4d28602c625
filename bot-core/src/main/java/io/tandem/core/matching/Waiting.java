package io.tandem.core.matching;

import io.tandem.core.matching.persistence.JpaWaiting;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Map;

/**
 * Who waits for a partner since an earlier round: {@link ApproveMatch} records an {@code UNMATCHED}
 * signal for each person it leaves without a partner, and {@link MatchPool} reads them back so the
 * next round matches those people first.
 */
public interface Waiting {

  static Waiting in(Store store) {
    return new JpaWaiting(store);
  }

  /**
   * For each participant of the program who was left unmatched and has had no pair since: when the
   * first round that left them out was approved. In the caller's transaction.
   */
  Map<Long, Instant> since(long programId);
}
