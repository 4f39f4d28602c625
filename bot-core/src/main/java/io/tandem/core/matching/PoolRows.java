package io.tandem.core.matching;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.matching.persistence.JpaPoolRows;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Map;

/**
 * The rows {@link MatchPool} is built from, read without the transaction tracking them: the
 * entities come back read-only (not to be changed), so a pool of ten thousand people is neither
 * copied for change tracking nor compared with its copies at every later query and at commit.
 */
public interface PoolRows {

  static PoolRows in(Store store) {
    return new JpaPoolRows(store);
  }

  /** Everyone in the program, in the order they joined. Read-only. */
  List<Participant> participants(long programId);

  /** The workspace's members. Read-only. */
  List<Member> members(long workspaceId);

  /** The workspace's exclusions. Read-only. */
  List<Exclusion> exclusions(long workspaceId);

  /** How many active pairs each participant of the program is in, by participant id. */
  Map<Long, Long> activePairsOf(long programId);
}
