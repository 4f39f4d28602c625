package io.tandem.core.enrolment.persistence;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** {@link Participants} over JPA, in the transaction of one {@link Store}. */
public final class JpaParticipants implements Participants {

  private final Store store;
  private final EntityManager em;

  public JpaParticipants(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public Optional<Participant> find(long programId, long memberId) {
    return em
        .createQuery(
            "SELECT p FROM Participant p WHERE p.programId = :programId"
                + " AND p.memberId = :memberId",
            Participant.class)
        .setParameter("programId", programId)
        .setParameter("memberId", memberId)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Participant> byId(long id) {
    return Optional.ofNullable(em.find(Participant.class, id));
  }

  @Override
  public List<Participant> ofMember(long memberId) {
    return em.createQuery(
            "SELECT p FROM Participant p WHERE p.memberId = :memberId"
                + " ORDER BY p.joinedAt DESC, p.id DESC",
            Participant.class)
        .setParameter("memberId", memberId)
        .getResultList();
  }

  @Override
  public List<Participant> inProgram(long programId) {
    return em.createQuery(
            "SELECT p FROM Participant p WHERE p.programId = :programId"
                + " ORDER BY p.joinedAt, p.id",
            Participant.class)
        .setParameter("programId", programId)
        .getResultList();
  }

  @Override
  public long count(long programId, ParticipantStatus status) {
    return em.createQuery(
            "SELECT COUNT(p) FROM Participant p WHERE p.programId = :programId"
                + " AND p.status = :status",
            Long.class)
        .setParameter("programId", programId)
        .setParameter("status", status)
        .getSingleResult();
  }

  @Override
  public Participant add(Participant participant) {
    return store.add(participant);
  }
}
