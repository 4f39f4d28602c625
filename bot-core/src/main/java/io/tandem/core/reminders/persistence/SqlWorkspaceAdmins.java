package io.tandem.core.reminders.persistence;

import io.tandem.core.reminders.WorkspaceAdmins;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link WorkspaceAdmins} over the {@code workspace_admin} table, which has no entity: an insert
 * that ignores a row another transaction added meanwhile ({@code ON CONFLICT DO NOTHING}) is not
 * something JPA can say. One per transaction, not thread-safe.
 */
public final class SqlWorkspaceAdmins implements WorkspaceAdmins {

  private final EntityManager em;

  public SqlWorkspaceAdmins(Store store) {
    this.em = store.entityManager();
  }

  @Override
  public boolean record(long workspaceId, String userId, Instant at) {
    boolean known =
        !em.createNativeQuery(
                "SELECT user_id FROM workspace_admin WHERE workspace_id = ? AND user_id = ?")
            .setParameter(1, workspaceId)
            .setParameter(2, userId)
            .getResultList()
            .isEmpty();
    if (known) {
      return false;
    }
    em.createNativeQuery(
            "INSERT INTO workspace_admin (workspace_id, user_id, first_seen_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, workspaceId)
        .setParameter(2, userId)
        .setParameter(3, at.toEpochMilli())
        .executeUpdate();
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> of(long workspaceId) {
    List<Object> rows =
        em.createNativeQuery(
                "SELECT user_id FROM workspace_admin WHERE workspace_id = ?"
                    + " ORDER BY first_seen_at, user_id")
            .setParameter(1, workspaceId)
            .getResultList();
    return rows.stream().map(Object::toString).toList();
  }

  @Override
  public Map<Long, List<String>> all() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT workspace_id, user_id FROM workspace_admin"
                    + " ORDER BY workspace_id, first_seen_at, user_id")
            .getResultList();
    Map<Long, List<String>> admins = new HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      admins
          .computeIfAbsent(((Number) columns[0]).longValue(), w -> new ArrayList<>())
          .add(columns[1].toString());
    }
    return admins;
  }
}
