package io.tandem.core.surveys;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A run's results: for the admin in chat ({@code survey results N}) and for readers outside it. */
final class ShowResults {

  private final Database db;
  private final Clock clock;
  private final SurveySettings settings;

  ShowResults(Database db, Clock clock, SurveySettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * {@code survey results N}: the results with a chart per question go to the admin as a DM through
   * the outbox (a private command answer cannot carry files), and the answer says so. When there is
   * nothing to chart (below the threshold, or free text only) the answer is the results. Asking
   * again before anything changed sends nothing new.
   */
  Reply inChat(Actor actor, long runId) {
    return db.transactionRetryingConflicts(
        store -> {
          Optional<Workspace> workspace =
              Workspaces.in(store).find(actor.platform(), actor.workspaceId());
          Optional<SurveyRun> found =
              SurveyRuns.in(store)
                  .find(runId)
                  .filter(r -> workspace.isPresent() && r.workspaceId() == workspace.get().getId());
          if (found.isEmpty()) {
            return SurveyMessages.noRun(runId);
          }
          Instant now = SurveyTimes.now(clock);
          SurveyResults results = new SurveyResultsReader(store, settings).read(found.get(), now);
          List<ChartAttachment> charts = results.charts();
          if (charts.isEmpty()) {
            return results.reply();
          }
          boolean queued =
              Outbox.queue(
                  store,
                  workspace.get().getId(),
                  workspace.get().getPlatform(),
                  "survey-results:"
                      + runId
                      + ":"
                      + actor.userId()
                      + ":"
                      + results.answered()
                      + (results.closed() ? ":closed" : ":open"),
                  new ChatTarget.DirectMessage(actor.userId()),
                  results.reply(),
                  charts,
                  now,
                  now);
          return queued
              ? SurveyMessages.resultsSent(results, charts.size())
              : SurveyMessages.resultsUnchanged(results);
        });
  }

  /** The results of the workspace's run {@code runId}; empty when it has no such run. */
  Optional<SurveyResults> read(long workspaceId, long runId) {
    return db.readsFirst(
        store ->
            SurveyRuns.in(store)
                .find(runId)
                .filter(r -> r.workspaceId() == workspaceId)
                .map(
                    r -> new SurveyResultsReader(store, settings).read(r, SurveyTimes.now(clock))));
  }
}
