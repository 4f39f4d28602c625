package io.tandem.core.programs.persistence;

import io.tandem.core.programs.ProgramAdmin;
import io.tandem.core.programs.ProgramAdmins;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ProgramAdmins} in JPA. One per transaction, not thread-safe. */
public final class JpaProgramAdmins implements ProgramAdmins {

  private final Store store;
  private final EntityManager em;

  public JpaProgramAdmins(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public Optional<ProgramAdmin> find(long programId, String userId) {
    return Optional.ofNullable(
        em.find(ProgramAdmin.class, new ProgramAdmin.Key(programId, userId)));
  }

  @Override
  public void add(ProgramAdmin grant) {
    store.add(grant);
  }

  @Override
  public boolean remove(long programId, String userId) {
    Optional<ProgramAdmin> grant = find(programId, userId);
    grant.ifPresent(em::remove);
    return grant.isPresent();
  }

  @Override
  public List<ProgramAdmin> of(long programId) {
    return em.createQuery(
            "SELECT a FROM ProgramAdmin a WHERE a.programId = :program"
                + " ORDER BY a.grantedAt, a.userId",
            ProgramAdmin.class)
        .setParameter("program", programId)
        .getResultList();
  }

  @Override
  public List<Long> programsOf(long workspaceId, String userId) {
    return em.createQuery(
            "SELECT a.programId FROM ProgramAdmin a WHERE a.workspaceId = :workspace"
                + " AND a.userId = :user ORDER BY a.grantedAt, a.programId",
            Long.class)
        .setParameter("workspace", workspaceId)
        .setParameter("user", userId)
        .getResultList();
  }
}
