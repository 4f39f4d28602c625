package io.tandem.core.programs;

import io.tandem.core.programs.persistence.JpaProgramAdmins;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * Who administers which program ({@link ProgramAdmin}), granted in chat. Called by the {@code
 * program admins} commands and by {@link AdminRights} on every admin command, inside the caller's
 * transaction. One per transaction, not thread-safe.
 */
public interface ProgramAdmins {

  static ProgramAdmins in(Store store) {
    return new JpaProgramAdmins(store);
  }

  /** The grant of {@code userId} on {@code programId}, if there is one. */
  Optional<ProgramAdmin> find(long programId, String userId);

  /** Adds the grant; the caller checked with {@link #find} that it is new. */
  void add(ProgramAdmin grant);

  /** Removes the grant; returns whether there was one. */
  boolean remove(long programId, String userId);

  /** A program's admins, granted first first. */
  List<ProgramAdmin> of(long programId);

  /** The ids of the programs {@code userId} administers in the workspace, oldest grant first. */
  List<Long> programsOf(long workspaceId, String userId);
}
