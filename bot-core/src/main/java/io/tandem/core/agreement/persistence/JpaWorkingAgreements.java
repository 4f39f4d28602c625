package io.tandem.core.agreement.persistence;

import io.tandem.core.agreement.AgreementAnswer;
import io.tandem.core.agreement.AgreementPair;
import io.tandem.core.agreement.WorkingAgreement;
import io.tandem.core.agreement.WorkingAgreements;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.matching.Pair;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link WorkingAgreements} over JPA, in the transaction of one {@link Store}. */
public final class JpaWorkingAgreements implements WorkingAgreements {

  /** An agreement joined with its active pair, program, workspace and both members. */
  private static final String JOINED =
      "SELECT a, p, g, w, m1, m2 FROM WorkingAgreement a, Pair p, Program g, Workspace w,"
          + " Participant x, Participant y, WorkspaceMember m1, WorkspaceMember m2"
          + " WHERE p.id = a.pairId AND g.id = a.programId AND w.id = a.workspaceId"
          + " AND x.id = p.mentorId AND y.id = p.menteeId AND m1.id = x.memberId"
          + " AND m2.id = y.memberId AND p.status = :active";

  /** Stays under SQLite's limit of bound parameters in one statement. */
  private static final int IDS_PER_QUERY = 500;

  private final Store store;
  private final EntityManager em;

  public JpaWorkingAgreements(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public WorkingAgreement add(WorkingAgreement agreement) {
    return store.add(agreement);
  }

  @Override
  public AgreementAnswer add(AgreementAnswer answer) {
    return store.add(answer);
  }

  @Override
  public Optional<WorkingAgreement> ofPair(long pairId) {
    return Optional.ofNullable(em.find(WorkingAgreement.class, pairId));
  }

  @Override
  public Optional<AgreementPair> active(long pairId) {
    return joined(query(" AND a.pairId = :pairId").setParameter("pairId", pairId)).stream()
        .findFirst();
  }

  @Override
  public List<AgreementPair> unagreedSince(Instant openedBy) {
    return joined(
        query(" AND a.reachedAt IS NULL AND a.flaggedAt IS NULL AND a.openedAt <= :openedBy")
            .setParameter("openedBy", openedBy));
  }

  @Override
  public List<AgreementPair> reachedNotReviewed() {
    return joined(
        query(" AND a.reachedAt IS NOT NULL AND a.reviewAskedAt IS NULL AND g.status = :running")
            .setParameter("running", ProgramStatus.RUNNING));
  }

  @Override
  public long reachedIn(long programId) {
    return em.createQuery(
            "SELECT COUNT(a) FROM WorkingAgreement a"
                + " WHERE a.programId = :programId AND a.reachedAt IS NOT NULL",
            Long.class)
        .setParameter("programId", programId)
        .getSingleResult();
  }

  private TypedQuery<Object[]> query(String condition) {
    return em.createQuery(JOINED + condition + " ORDER BY a.pairId", Object[].class)
        .setParameter("active", Pair.Status.ACTIVE);
  }

  private List<AgreementPair> joined(TypedQuery<Object[]> query) {
    List<Object[]> rows = query.getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> pairIds = rows.stream().map(r -> ((WorkingAgreement) r[0]).getPairId()).toList();
    List<AgreementAnswer> all = new ArrayList<>();
    for (int from = 0; from < pairIds.size(); from += IDS_PER_QUERY) {
      all.addAll(
          em.createQuery(
                  "SELECT r FROM AgreementAnswer r WHERE r.pairId IN :pairIds",
                  AgreementAnswer.class)
              .setParameter(
                  "pairIds", pairIds.subList(from, Math.min(pairIds.size(), from + IDS_PER_QUERY)))
              .getResultList());
    }
    Map<Long, List<AgreementAnswer>> answers =
        all.stream().collect(Collectors.groupingBy(AgreementAnswer::getPairId));
    return rows.stream()
        .map(
            r ->
                new AgreementPair(
                    (WorkingAgreement) r[0],
                    (Pair) r[1],
                    (Program) r[2],
                    (Workspace) r[3],
                    (Member) r[4],
                    (Member) r[5],
                    answers.getOrDefault(((WorkingAgreement) r[0]).getPairId(), List.of()).stream()
                        .collect(
                            Collectors.toMap(AgreementAnswer::getMemberId, Function.identity()))))
        .toList();
  }
}
