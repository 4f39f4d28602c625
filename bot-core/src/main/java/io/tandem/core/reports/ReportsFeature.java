package io.tandem.core.reports;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.port.in.Reply;
import java.util.Objects;
import java.util.Optional;

/**
 * Admins' {@code report}, {@code program targets} ({@link SetTargets}), and {@code dashboard} when
 * this Tandem serves the web dashboard.
 */
public final class ReportsFeature implements Feature {

  private final Reports reports;
  private final Optional<OpenDashboard> dashboard;
  private final SetTargets targets;

  /**
   * @param dashboard opens dashboard links, or empty when no web dashboard is served
   */
  public ReportsFeature(Reports reports, Optional<OpenDashboard> dashboard) {
    this.reports = Objects.requireNonNull(reports, "reports");
    this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
    this.targets = new SetTargets(reports);
  }

  /** Sends the admins the final report when a program closes at the end of its length. */
  public FinalReport finalReport(io.tandem.core.store.Database db) {
    return new FinalReport(db, reports);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.Report.class, (actor, report) -> reports.report(actor, report.program()))
        .command(TargetCommand.Show.class, targets::show)
        .command(TargetCommand.Set.class, targets::set)
        .command(
            Command.OpenDashboard.class,
            (actor, open) -> dashboard.map(d -> d.open(actor, open)).orElseGet(this::noDashboard));
  }

  private Reply noDashboard() {
    return Reply.error(
        "This Tandem serves no web dashboard; ask your operator to run it with `tandem run`.",
        CommandParser.Verb.HELP.example);
  }
}
