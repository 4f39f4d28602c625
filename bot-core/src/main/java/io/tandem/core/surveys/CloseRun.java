package io.tandem.core.surveys;

import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Map;

/** Closes a run: no answers after it; a signal says how many answered. */
final class CloseRun {

  /**
   * Closes run {@code runId} in the caller's transaction, once.
   *
   * @param at when it closed; {@code null} for its planned closing time
   * @return 1 when it was closed now, 0 when it was closed already
   */
  int close(Store store, long runId, Instant at, Instant now) {
    SurveyRun run = SurveyRuns.in(store).find(runId).orElseThrow();
    if (run.closedAt() != null) {
      return 0;
    }
    run.close(at != null ? at : run.closesAt());
    long answered = SurveyInvitees.in(store).answeredCount(runId);
    store.add(
        new Signal(
            run.workspaceId(),
            SignalType.SURVEY_CLOSED,
            null,
            run.programId(),
            null,
            null,
            now,
            Json.object(Map.of("run", runId, "invited", run.invited(), "answered", answered))));
    return 1;
  }
}
