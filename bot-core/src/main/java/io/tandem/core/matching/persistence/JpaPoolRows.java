package io.tandem.core.matching.persistence;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.matching.Exclusion;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.PoolRows;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PoolRows} over JPA with EclipseLink's read-only query hint: the entities are built once
 * and not registered in the unit of work, so there is no clone of each and nothing to compare at
 * the flushes before later queries and at commit. Chosen over a JDBC projection because the pool
 * keeps reading them through the entities' own accessors ({@link Participant#profile()}), with no
 * second mapping of their columns to keep in step.
 */
public final class JpaPoolRows implements PoolRows {

  private static final String READ_ONLY = "eclipselink.read-only";

  private final EntityManager em;

  public JpaPoolRows(Store store) {
    this.em = store.entityManager();
  }

  @Override
  public List<Participant> participants(long programId) {
    return readOnly(
        "SELECT p FROM Participant p WHERE p.programId = :id ORDER BY p.joinedAt, p.id",
        Participant.class,
        programId);
  }

  @Override
  public List<Member> members(long workspaceId) {
    return readOnly(
        "SELECT m FROM WorkspaceMember m WHERE m.workspaceId = :id", Member.class, workspaceId);
  }

  @Override
  public List<Exclusion> exclusions(long workspaceId) {
    return readOnly(
        "SELECT e FROM Exclusion e WHERE e.workspaceId = :id", Exclusion.class, workspaceId);
  }

  @Override
  public Map<Long, Long> activePairsOf(long programId) {
    Map<Long, Long> activePairsOf = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT p.mentorId, p.menteeId FROM Pair p"
                    + " WHERE p.programId = :programId AND p.status = :active",
                Object[].class)
            .setParameter("programId", programId)
            .setParameter("active", Pair.Status.ACTIVE)
            .getResultList()) {
      activePairsOf.merge((Long) row[0], 1L, Long::sum);
      activePairsOf.merge((Long) row[1], 1L, Long::sum);
    }
    return activePairsOf;
  }

  /** The entities {@code jpql} selects with its {@code :id} set to {@code id}, read-only. */
  private <T> List<T> readOnly(String jpql, Class<T> type, long id) {
    return em.createQuery(jpql, type)
        .setParameter("id", id)
        .setHint(READ_ONLY, Boolean.TRUE)
        .getResultList();
  }
}
