package io.tandem.core.reminders;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.WorkspaceAdmins;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers admins as they act, so "we need help" and escalations reach them. Each admin is written
 * once per process; later commands skip the database.
 */
final class RememberAdmins {

  private final Database db;
  private final Clock clock;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  RememberAdmins(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  void acted(Actor actor) {
    String key = actor.platform() + "/" + actor.workspaceId() + "/" + actor.userId();
    if (!actor.admin() || known.contains(key)) {
      return;
    }
    boolean recorded =
        db.transactionRetryingConflicts(
            store -> {
              Optional<Workspace> workspace =
                  Workspaces.in(store).find(actor.platform(), actor.workspaceId());
              workspace.ifPresent(
                  w ->
                      WorkspaceAdmins.in(store).record(w.getId(), actor.userId(), clock.instant()));
              return workspace.isPresent();
            });
    if (recorded) {
      known.add(key);
    }
  }
}
