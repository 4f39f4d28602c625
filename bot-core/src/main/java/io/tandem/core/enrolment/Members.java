package io.tandem.core.enrolment;

import io.tandem.core.enrolment.persistence.JpaMembers;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Optional;

/** The people of each workspace that Tandem has met. */
public interface Members {

  static Members in(Store store) {
    return new JpaMembers(store);
  }

  Optional<Member> find(long workspaceId, String userId);

  Optional<Member> byId(long id);

  List<Member> inWorkspace(long workspaceId);

  Member add(Member member);
}
