package io.tandem.core.reports;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.ClosingStep;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a program closes at the end of its length, its admins get the final report privately, once
 * per admin and program: the program's story on one page ({@link ProgramStory}).
 */
public final class FinalReport implements ClosingStep {

  private final Database db;
  private final Reports reports;

  public FinalReport(Database db, Reports reports) {
    this.db = Objects.requireNonNull(db, "db");
    this.reports = Objects.requireNonNull(reports, "reports");
  }

  @Override
  public void programClosed(long programId, Instant at) {
    Optional<ProgramReport> report = reports.compute(programId, null, at);
    if (report.isEmpty()) {
      return;
    }
    Reply story =
        ProgramStory.reply(
            report.get(),
            "*"
                + Markup.text(report.get().program().name())
                + "* has come to the end of its length and is now closed. Its final report, the"
                + " program's story on one page"
                + " (`"
                + Markup.command("report " + report.get().program().name() + " final")
                + "` shows it again):");
    db.transaction(
        store -> {
          long workspaceId = Programs.in(store).byId(programId).orElseThrow().getWorkspaceId();
          Workspace workspace = Workspaces.in(store).byId(workspaceId).orElseThrow();
          for (String admin : AdminRights.toTell(store, workspaceId, programId)) {
            Outbox.queue(
                store,
                workspaceId,
                workspace.getPlatform(),
                "final-report:" + programId + ":" + admin,
                new ChatTarget.DirectMessage(admin),
                story,
                at,
                at);
          }
          return null;
        });
  }
}
