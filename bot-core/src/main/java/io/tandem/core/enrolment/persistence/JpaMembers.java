package io.tandem.core.enrolment.persistence;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** {@link Members} over JPA, in the transaction of one {@link Store}. */
public final class JpaMembers implements Members {

  private final Store store;
  private final EntityManager em;

  public JpaMembers(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public Optional<Member> find(long workspaceId, String userId) {
    return em
        .createQuery(
            "SELECT m FROM WorkspaceMember m WHERE m.workspaceId = :workspaceId"
                + " AND m.userId = :userId",
            Member.class)
        .setParameter("workspaceId", workspaceId)
        .setParameter("userId", userId)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Member> byId(long id) {
    return Optional.ofNullable(em.find(Member.class, id));
  }

  @Override
  public List<Member> inWorkspace(long workspaceId) {
    return em.createQuery(
            "SELECT m FROM WorkspaceMember m WHERE m.workspaceId = :workspaceId", Member.class)
        .setParameter("workspaceId", workspaceId)
        .getResultList();
  }

  @Override
  public Member add(Member member) {
    return store.add(member);
  }
}
