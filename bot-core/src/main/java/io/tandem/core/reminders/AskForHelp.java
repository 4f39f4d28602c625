package io.tandem.core.reminders;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** "We need help": tells the workspace's admins and the program's admins, privately, who asks. */
final class AskForHelp {

  private final Database db;
  private final Clock clock;

  AskForHelp(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Reply support(Actor actor, Command.Target target) {
    return db.transaction(
        store ->
            PairContext.whenJoined(
                store,
                actor,
                target,
                "support",
                ReminderMessages.notPaired(),
                ctx -> tellAdmins(ctx)));
  }

  private Reply tellAdmins(PairContext ctx) {
    Instant now = clock.instant();
    List<String> admins =
        AdminRights.toTell(ctx.store(), ctx.me().getWorkspaceId(), ctx.program().getId());
    String text =
        "*"
            + Markup.text(ctx.member().getDisplayName())
            + "* asks for help with their Tandem pairing in *"
            + Markup.text(ctx.program().getName())
            + "*"
            + (ctx.paired() ? " (partner: " + Markup.text(ctx.partnerName()) + ")" : "")
            + ". Please reach out to them directly.";
    Workspace workspace = Workspaces.in(ctx.store()).byId(ctx.me().getWorkspaceId()).orElseThrow();
    int told = 0;
    for (String admin : admins) {
      if (Outbox.queue(
          ctx.store(),
          workspace.getId(),
          workspace.getPlatform(),
          "help:" + ctx.me().getId() + ":" + now.toEpochMilli() + ":" + admin,
          new ChatTarget.DirectMessage(admin),
          Reply.info(text, List.of()),
          now,
          now)) {
        told++;
      }
    }
    CheckInSignals.record(ctx, SignalType.HELP_REQUESTED, Map.of("admins", told), now);
    if (told == 0) {
      return Reply.info(
          "No program admin has used Tandem in this workspace yet, so nobody could be told."
              + " Please ask your HR or L&D contact directly.",
          List.of());
    }
    return Reply.success(
        "Thanks for asking. The program admins have been told and will reach out to you.",
        List.of());
  }
}
