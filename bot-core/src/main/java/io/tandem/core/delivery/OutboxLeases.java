package io.tandem.core.delivery;

import io.tandem.core.delivery.persistence.JdbcOutboxLeases;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The dispatcher's hold on outbox rows: claiming them, marking an attempt, and recording each
 * outcome. Every call runs in its own short committed transaction, on the calling thread (the
 * dispatcher's coordinator or one of its workers). Updates of a claimed row apply only while the
 * row is still {@code QUEUED} (and, where said, still leased to this instance).
 */
public interface OutboxLeases {

  /** The SQL implementation, leasing rows of {@code platforms} to {@code instanceId}. */
  static OutboxLeases in(Database db, String instanceId, Set<Platform> platforms) {
    return new JdbcOutboxLeases(db, instanceId, platforms);
  }

  /**
   * Leases up to {@code limit} due, unleased messages to this instance until {@code leaseUntil},
   * oldest first ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL).
   */
  List<ClaimedMessage> claim(int limit, Instant now, Instant leaseUntil);

  /**
   * Records that an attempt starts {@code now}, if this claim still holds the message until after
   * {@code holdsUntil}; keeps the start of an earlier attempt whose outcome is unknown.
   *
   * @return false when the claim has lapsed or passed to another claim: do not send
   */
  boolean startAttempt(ClaimedMessage claimed, Instant now, Instant holdsUntil);

  void markDelivered(ClaimedMessage claimed, String ref, Instant at);

  /**
   * @param outcomeUnknown the last attempt may have reached the platform: keep its mark
   */
  void markDead(ClaimedMessage claimed, String error, boolean countAttempt, boolean outcomeUnknown);

  /** Makes a message due again at {@code at}, if this instance still holds its lease. */
  void defer(ClaimedMessage claimed, Instant at, String error, boolean countAttempt);

  /**
   * Makes a rate-limited message due again at {@code at} without counting the attempt, and clears
   * the attempt mark (the platform answered this attempt, so no outcome is unknown any more).
   */
  void deferAnswered(ClaimedMessage claimed, Instant at, String error);

  /**
   * Clears leases of {@code owner} (all owners when null) that lapsed by {@code lapsedBy} (all when
   * null).
   *
   * @return how many were released
   */
  int releaseLeases(String owner, Instant lapsedBy);
}
