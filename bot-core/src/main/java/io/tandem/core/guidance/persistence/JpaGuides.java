package io.tandem.core.guidance.persistence;

import io.tandem.core.guidance.Guides;
import io.tandem.core.guidance.PairAgenda;
import io.tandem.core.guidance.ProgramTemplate;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link Guides} in JPA. One per transaction, not thread-safe. */
public final class JpaGuides implements Guides {

  private final Store store;
  private final EntityManager em;

  public JpaGuides(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public Optional<ProgramTemplate> find(long programId, String name) {
    return Optional.ofNullable(
        em.find(ProgramTemplate.class, new ProgramTemplate.Key(programId, name)));
  }

  @Override
  public List<ProgramTemplate> of(long programId) {
    return em.createQuery(
            "SELECT t FROM ProgramTemplate t WHERE t.programId = :program ORDER BY t.name",
            ProgramTemplate.class)
        .setParameter("program", programId)
        .getResultList();
  }

  @Override
  public void add(ProgramTemplate template) {
    store.add(template);
  }

  @Override
  public boolean remove(long programId, String name) {
    Optional<ProgramTemplate> template = find(programId, name);
    template.ifPresent(store::remove);
    return template.isPresent();
  }

  @Override
  public Optional<PairAgenda> lastAgenda(long pairId) {
    return Optional.ofNullable(em.find(PairAgenda.class, pairId));
  }

  @Override
  public void add(PairAgenda agenda) {
    store.add(agenda);
  }
}
