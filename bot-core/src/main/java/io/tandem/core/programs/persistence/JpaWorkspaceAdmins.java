package io.tandem.core.programs.persistence;

import io.tandem.core.programs.WorkspaceAdmin;
import io.tandem.core.programs.WorkspaceAdmins;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link WorkspaceAdmins} in JPA. One per transaction, not thread-safe. */
public final class JpaWorkspaceAdmins implements WorkspaceAdmins {

  private final Store store;
  private final EntityManager em;

  public JpaWorkspaceAdmins(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public boolean record(long workspaceId, String userId, Instant at) {
    if (em.find(WorkspaceAdmin.class, new WorkspaceAdmin.Key(workspaceId, userId)) != null) {
      return false;
    }
    store.add(new WorkspaceAdmin(workspaceId, userId, at));
    return true;
  }

  @Override
  public List<String> of(long workspaceId) {
    return em.createQuery(
            "SELECT a.userId FROM WorkspaceAdmin a WHERE a.workspaceId = :workspace"
                + " ORDER BY a.firstSeenAt, a.userId",
            String.class)
        .setParameter("workspace", workspaceId)
        .getResultList();
  }

  @Override
  public Map<Long, List<String>> all() {
    Map<Long, List<String>> admins = new HashMap<>();
    em.createQuery(
            "SELECT a.workspaceId, a.userId FROM WorkspaceAdmin a"
                + " ORDER BY a.workspaceId, a.firstSeenAt, a.userId",
            Object[].class)
        .getResultList()
        .forEach(
            row ->
                admins
                    .computeIfAbsent(((Number) row[0]).longValue(), w -> new ArrayList<>())
                    .add((String) row[1]));
    return admins;
  }
}
