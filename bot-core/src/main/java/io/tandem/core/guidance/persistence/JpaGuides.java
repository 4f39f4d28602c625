package io.tandem.core.guidance.persistence;

import io.tandem.core.guidance.Guides;
import io.tandem.core.guidance.PairAgenda;
import io.tandem.core.guidance.ProgramTemplate;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public List<ProgramTemplate> ofPrograms(Collection<Long> programIds) {
    if (programIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT t FROM ProgramTemplate t WHERE t.programId IN :programs ORDER BY t.name",
            ProgramTemplate.class)
        .setParameter("programs", List.copyOf(programIds))
        .getResultList();
  }

  @Override
  public Map<Long, PairAgenda> lastAgendas(Collection<Long> pairIds) {
    Map<Long, PairAgenda> byPair = new HashMap<>();
    if (pairIds.isEmpty()) {
      return byPair;
    }
    em.createQuery("SELECT a FROM PairAgenda a WHERE a.pairId IN :pairs", PairAgenda.class)
        .setParameter("pairs", List.copyOf(pairIds))
        .getResultList()
        .forEach(a -> byPair.put(a.pairId(), a));
    return byPair;
  }

  @Override
  public Map<Long, List<String>> goalTexts(Collection<Long> pairIds) {
    Map<Long, List<String>> byPair = new HashMap<>();
    if (pairIds.isEmpty()) {
      return byPair;
    }
    em.createQuery(
            "SELECT g.pairId, g.text FROM Goal g WHERE g.pairId IN :pairs ORDER BY g.number",
            Object[].class)
        .setParameter("pairs", List.copyOf(pairIds))
        .getResultList()
        .forEach(
            row ->
                byPair.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]));
    return byPair;
  }

  @Override
  public void add(PairAgenda agenda) {
    store.add(agenda);
  }
}
