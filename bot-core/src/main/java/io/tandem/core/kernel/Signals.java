package io.tandem.core.kernel;

import io.tandem.core.store.Store;

/**
 * The engagement log as use cases write it: one {@link Signal} per state change, recorded in the
 * transaction that makes the change (build it with {@link Signal#aboutParticipant}, {@link
 * Signal#aboutProgram} or {@link Signal#aboutMember}).
 */
public interface Signals {

  void record(Signal signal);

  /** The log of the transaction {@code store} belongs to. */
  static Signals in(Store store) {
    return store::add;
  }
}
