package io.tandem.core.agreement;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.matching.Pair;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An active pair's agreement with all that its messages need: the program, the workspace, both
 * people (mentor first) and the answers given so far, by member id. Read in one transaction.
 */
public record AgreementPair(
    WorkingAgreement agreement,
    Pair pair,
    Program program,
    Workspace workspace,
    Member mentor,
    Member mentee,
    Map<Long, AgreementAnswer> answers) {

  public AgreementPair {
    Objects.requireNonNull(agreement, "agreement");
    answers = new HashMap<>(answers);
  }

  /** Both people, mentor first. */
  public List<Member> people() {
    return List.of(mentor, mentee);
  }

  /** The other person of the pair. */
  public Member partnerOf(Member member) {
    return member.getId().equals(mentor.getId()) ? mentee : mentor;
  }

  /** The person's answer, made (and stored) when they have none yet. */
  AgreementAnswer answerOf(Store store, Member member) {
    return answers.computeIfAbsent(
        member.getId(),
        id -> WorkingAgreements.in(store).add(new AgreementAnswer(pair.getId(), id)));
  }

  /** The person's answer so far, if any. */
  AgreementAnswer answered(Member member) {
    return answers.get(member.getId());
  }
}
