package io.tandem.core.matching;

import io.tandem.core.matching.persistence.JpaPairs;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The pairs matching proposes and admins approve. */
public interface Pairs {

  static Pairs in(Store store) {
    return new JpaPairs(store);
  }

  /** A pair that was approved once, by the member ids of its people. */
  record PastPair(long mentorMemberId, long menteeMemberId, Instant createdAt) {}

  Optional<Pair> byId(long id);

  /** A program's pairs in one state, oldest first. */
  List<Pair> inProgram(long programId, Pair.Status status);

  /** Every pair of the workspace that was ever approved, in one query. */
  List<PastPair> history(long workspaceId);

  Pair add(Pair pair);

  void remove(Pair pair);

  /**
   * Deletes the program's proposal in one statement, without reading its pairs; returns how many
   * there were. Pairs of it read earlier in the transaction must not be used after.
   */
  int removeProposed(long programId);

  /**
   * Stores new pairs in batches, without making them managed entities: a proposal of thousands is
   * not tracked until commit. The pairs keep no id; read them back through {@link #inProgram}.
   */
  void addAll(List<Pair> pairs);
}
