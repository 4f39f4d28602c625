package io.tandem.core.surveys;

import io.tandem.core.enrolment.Member;
import io.tandem.core.kernel.Role;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.persistence.JpaSurveyInvitees;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Who each run was sent to and whether (by day only) they answered. */
public interface SurveyInvitees {

  static SurveyInvitees in(Store store) {
    return new JpaSurveyInvitees(store);
  }

  void invite(long runId, long memberId);

  /**
   * The members of a program's active participants in {@code roles}, in the order they joined; one
   * query however many there are.
   */
  List<Member> audience(long programId, Collection<Role> roles);

  boolean invited(long runId, long memberId);

  boolean answered(long runId, long memberId);

  /**
   * Marks the person as having answered on {@code day}, once.
   *
   * @return false when they had answered already (then nothing changes)
   */
  boolean markAnswered(long runId, long memberId, LocalDate day);

  long answeredCount(long runId);

  /** The members who have not answered yet. */
  List<Long> unanswered(long runId);
}
