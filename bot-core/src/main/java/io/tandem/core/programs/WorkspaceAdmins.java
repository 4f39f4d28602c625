package io.tandem.core.programs;

import io.tandem.core.programs.persistence.JpaWorkspaceAdmins;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The people seen acting as admins in a workspace ({@link WorkspaceAdmin}): they hear help requests
 * and escalations. One per transaction.
 */
public interface WorkspaceAdmins {

  static WorkspaceAdmins in(Store store) {
    return new JpaWorkspaceAdmins(store);
  }

  /**
   * Remembers that a person acted as an admin in a workspace; returns whether it was new. Two
   * transactions recording the same person at once both write the row, and the later commit fails
   * on its key: run this in {@code Database.transactionRetryingConflicts}, whose retry finds the
   * row and records nothing.
   */
  boolean record(long workspaceId, String userId, Instant at);

  /** The people who acted as admins in a workspace, first seen first. */
  List<String> of(long workspaceId);

  /** {@link #of} for every workspace at once, by workspace id; one query. */
  Map<Long, List<String>> all();
}
