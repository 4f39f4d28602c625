package io.tandem.core.guidance;

import io.tandem.core.guidance.persistence.JpaGuides;
import io.tandem.core.store.Store;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Programs' own guidance templates and what pairs' reminders last suggested. Called by the {@code
 * guide} commands, by introductions and by the reminder job, inside the caller's transaction. One
 * per transaction, not thread-safe.
 */
public interface Guides {

  static Guides in(Store store) {
    return new JpaGuides(store);
  }

  /** The program's own version of template {@code name}, if it has one. */
  Optional<ProgramTemplate> find(long programId, String name);

  /** Every template the program has its own version of, by name. */
  List<ProgramTemplate> of(long programId);

  /** Adds a program's version; the caller checked with {@link #find} that it is new. */
  void add(ProgramTemplate template);

  /** Removes the program's version; returns whether there was one. */
  boolean remove(long programId, String name);

  /** The own templates of every program in {@code programIds}, in one query. */
  List<ProgramTemplate> ofPrograms(Collection<Long> programIds);

  /** What each pair's reminders last suggested, by pair id, in one query. */
  Map<Long, PairAgenda> lastAgendas(Collection<Long> pairIds);

  /** The texts of each pair's goals, by pair id, in one query. */
  Map<Long, List<String>> goalTexts(Collection<Long> pairIds);

  void add(PairAgenda agenda);
}
