package io.tandem.core.programs.persistence;

import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** {@link Programs} over JPA, in the transaction of one {@link Store}. */
public final class JpaPrograms implements Programs {

  private final Store store;
  private final EntityManager em;

  public JpaPrograms(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public Optional<Program> byId(long id) {
    return Optional.ofNullable(em.find(Program.class, id));
  }

  @Override
  public Optional<Program> defaultOf(long workspaceId) {
    return em
        .createQuery(
            "SELECT p FROM Program p WHERE p.workspaceId = :workspaceId"
                + " AND p.defaultProgram = TRUE",
            Program.class)
        .setParameter("workspaceId", workspaceId)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Program> inWorkspace(long workspaceId) {
    return em.createQuery(
            "SELECT p FROM Program p WHERE p.workspaceId = :workspaceId ORDER BY p.name",
            Program.class)
        .setParameter("workspaceId", workspaceId)
        .getResultList();
  }

  @Override
  public List<Program> live() {
    return em.createQuery(
            "SELECT p FROM Program p WHERE p.status IN :live ORDER BY p.id", Program.class)
        .setParameter(
            "live", List.of(ProgramStatus.OPEN, ProgramStatus.RUNNING, ProgramStatus.PAUSED))
        .getResultList();
  }

  @Override
  public Program add(Program program) {
    return store.add(program);
  }
}
