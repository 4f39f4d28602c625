package io.tandem.core.enrolment.persistence;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** {@link Workspaces} over JPA, in the transaction of one {@link Store}. */
public final class JpaWorkspaces implements Workspaces {

  private final Store store;
  private final EntityManager em;

  public JpaWorkspaces(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public Optional<Workspace> find(Platform platform, String externalId) {
    return em
        .createQuery(
            "SELECT w FROM Workspace w WHERE w.platform = :platform"
                + " AND w.externalId = :externalId",
            Workspace.class)
        .setParameter("platform", platform)
        .setParameter("externalId", externalId)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Workspace> byId(long id) {
    return Optional.ofNullable(em.find(Workspace.class, id));
  }

  @Override
  public List<Workspace> all() {
    return em.createQuery("SELECT w FROM Workspace w ORDER BY w.id", Workspace.class)
        .getResultList();
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(w) FROM Workspace w", Long.class).getSingleResult();
  }

  @Override
  public Workspace add(Workspace workspace) {
    return store.add(workspace);
  }
}
