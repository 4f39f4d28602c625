package io.tandem.core.agreement;

import io.tandem.core.agreement.persistence.JpaWorkingAgreements;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pairs' working agreements and their people's answers, in the caller's transaction. */
public interface WorkingAgreements {

  static WorkingAgreements in(Store store) {
    return new JpaWorkingAgreements(store);
  }

  WorkingAgreement add(WorkingAgreement agreement);

  AgreementAnswer add(AgreementAnswer answer);

  /** The agreement of a pair, if it has one. */
  Optional<WorkingAgreement> ofPair(long pairId);

  /** An active pair's agreement with its people and answers. */
  Optional<AgreementPair> active(long pairId);

  /**
   * Every active pair without an agreement that was opened at or before {@code openedBy} and not
   * flagged yet, with people and answers: two queries, however many pairs.
   */
  List<AgreementPair> unagreedSince(Instant openedBy);

  /**
   * Every active pair of a running program whose agreement was reached and not reviewed yet: two
   * queries.
   */
  List<AgreementPair> reachedNotReviewed();

  /** How many of a program's pairs have a working agreement now. */
  long reachedIn(long programId);
}
