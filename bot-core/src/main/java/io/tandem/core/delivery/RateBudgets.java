package io.tandem.core.delivery;

import io.tandem.core.delivery.persistence.JdbcRateBudgets;
import io.tandem.core.store.Database;

/**
 * The shared token buckets of {@link SharedRateLimiter} (table {@code rate_budget}). Each call is
 * one round trip on a pooled connection of its own, in autocommit, from any thread.
 */
public interface RateBudgets {

  static RateBudgets in(Database db) {
    return new JdbcRateBudgets(db);
  }

  /**
   * Books one permit of {@code bucket} in one atomic upsert: {@code free_at = max(free_at, full) +
   * interval}; a new bucket starts at {@code full + interval}.
   *
   * @param forgetPrefix when not null, afterwards deletes the buckets named {@code forgetPrefix|…}
   *     that are full again ({@code free_at < full})
   * @return the bucket's new {@code free_at}
   */
  long book(String bucket, long full, long interval, String forgetPrefix);
}
