package io.tandem.core.enrolment;

import io.tandem.core.enrolment.persistence.JpaWorkspaces;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The chat workspaces (Slack teams, Discord servers) Tandem works in. */
public interface Workspaces {

  static Workspaces in(Store store) {
    return new JpaWorkspaces(store);
  }

  Optional<Workspace> find(Platform platform, String externalId);

  Optional<Workspace> byId(long id);

  /** Every workspace, oldest first. */
  List<Workspace> all();

  long count();

  Workspace add(Workspace workspace);

  /** The workspace, added now when Tandem has not met it yet. */
  default Workspace findOrAdd(Platform platform, String externalId, Instant now) {
    return find(platform, externalId)
        .orElseGet(() -> add(new Workspace(platform, externalId, now)));
  }
}
