package io.tandem.core.enrolment;

import io.tandem.core.enrolment.persistence.JpaParticipants;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Optional;

/** Who takes part in which program, in which role. */
public interface Participants {

  static Participants in(Store store) {
    return new JpaParticipants(store);
  }

  Optional<Participant> find(long programId, long memberId);

  Optional<Participant> byId(long id);

  /** The member's participations, most recently joined first. */
  List<Participant> ofMember(long memberId);

  /** A program's participants, in the order they joined. */
  List<Participant> inProgram(long programId);

  long count(long programId, ParticipantStatus status);

  Participant add(Participant participant);
}
