package io.tandem.core.reminders;

import io.tandem.core.reminders.persistence.SqlWorkspaceAdmins;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The people seen acting as admins in a workspace: they hear help requests and escalations. One per
 * transaction.
 */
public interface WorkspaceAdmins {

  static WorkspaceAdmins in(Store store) {
    return new SqlWorkspaceAdmins(store);
  }

  /** Remembers that a person acted as an admin in a workspace; returns whether it was new. */
  boolean record(long workspaceId, String userId, Instant at);

  /** The people who acted as admins in a workspace, first seen first. */
  List<String> of(long workspaceId);

  /** {@link #of} for every workspace at once, by workspace id; one query. */
  Map<Long, List<String>> all();
}
