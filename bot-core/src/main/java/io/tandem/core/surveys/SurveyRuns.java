package io.tandem.core.surveys;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.persistence.JpaSurveyRuns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The survey runs: one sending of a template each. */
public interface SurveyRuns {

  static SurveyRuns in(Store store) {
    return new JpaSurveyRuns(store);
  }

  /** Stores a new run; its id (the run number) is assigned at once. */
  SurveyRun add(SurveyRun run);

  Optional<SurveyRun> find(long id);

  /** The workspace's latest runs, newest first. */
  List<SurveyRun> latest(long workspaceId, int limit);

  /** Open, not yet reminded runs whose reminder is due at {@code now}, oldest first. */
  List<Long> dueForReminder(Instant now);

  /** Open runs whose time is up at {@code now}, oldest first. */
  List<Long> dueForClosing(Instant now);

  /** The run of the same template in the same program just before {@code run}, if any. */
  Optional<SurveyRun> previous(SurveyRun run);

  /** A program's runs opened in {@code [from, to)}, by template, then oldest first. */
  List<SurveyRun> openedIn(long programId, Instant from, Instant to);

  /**
   * Makes concurrent writers of one run's answers take turns until the transaction ends (a no-op
   * write to the run's row), so none of their rewrites is lost.
   */
  void takeTurn(long runId);
}
