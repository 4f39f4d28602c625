package io.tandem.core.matching.persistence;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.matching.Exclusion;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.PoolRows;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
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
            em.createQuery(
                "SELECT p FROM Participant p WHERE p.programId = :programId"
                    + " ORDER BY p.joinedAt, p.id",
                Participant.class))
        .setParameter("programId", programId)
        .getResultList();
  }

  @Override
  public List<Member> members(long workspaceId) {
    return readOnly(
            em.createQuery(
                "SELECT m FROM WorkspaceMember m WHERE m.workspaceId = :workspaceId", Member.class))
        .setParameter("workspaceId", workspaceId)
        .getResultList();
  }

  @Override
  public List<Exclusion> exclusions(long workspaceId) {
    return readOnly(
            em.createQuery(
                "SELECT e FROM Exclusion e WHERE e.workspaceId = :workspaceId", Exclusion.class))
        .setParameter("workspaceId", workspaceId)
        .getResultList();
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

  private static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
    return query.setHint(READ_ONLY, Boolean.TRUE);
  }
}
