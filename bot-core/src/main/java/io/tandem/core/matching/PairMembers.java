package io.tandem.core.matching;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.store.Store;
import java.util.List;

/** The two people of a pair as members of the workspace, read in the caller's transaction. */
public final class PairMembers {

  private PairMembers() {}

  /** The mentor's member, then the mentee's. */
  public static List<Member> of(Store store, Pair pair) {
    Participants participants = Participants.in(store);
    Members members = Members.in(store);
    return List.of(
        members
            .byId(participants.byId(pair.getMentorId()).orElseThrow().getMemberId())
            .orElseThrow(),
        members
            .byId(participants.byId(pair.getMenteeId()).orElseThrow().getMemberId())
            .orElseThrow());
  }
}
