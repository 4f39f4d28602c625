package io.tandem.core.home;

import io.tandem.core.checkins.PairActivity;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.reminders.ReminderTimes;
import java.time.Instant;
import java.util.List;

/**
 * Keeps each person's Slack App Home current: the same content as {@code status}, published as a
 * whole ({@code views.publish}) through the outbox in the transaction of the change. Keys are
 * {@code home:{userId}:{version}}, the version being the id of the signal that recorded the change,
 * so every change publishes once and the outbox's per-target ordering leaves the newest view on
 * top. Only people who have opened the Home tab at least once get publishes; Discord has no home
 * (its {@code status} is the dashboard).
 */
public final class Home {

  private Home() {}

  /**
   * Republishes the home of the actor and of their partner after a change. The next reminder shown
   * uses the default quiet hours: the check-in use cases calling this are not handed the reminder
   * settings (the home opened or {@code status} asked for shows the configured ones).
   */
  public static void refresh(PairContext ctx, long version, Instant now) {
    refresh(ctx, version, now, ReminderTimes.QuietHours.DEFAULT);
  }

  /** Republishes the home of the actor and of their partner after a change. */
  public static void refresh(
      PairContext ctx, long version, Instant now, ReminderTimes.QuietHours quiet) {
    publishIfOpened(ctx, version, now, quiet);
    if (ctx.paired()) {
      publishIfOpened(ctx.partnerContext(), version, now, quiet);
    }
  }

  /** Publishes the actor's home now (they just opened it). */
  static void publish(PairContext ctx, long version, Instant now, ReminderTimes.QuietHours quiet) {
    Workspace workspace = Workspaces.in(ctx.store()).byId(ctx.me().getWorkspaceId()).orElseThrow();
    if (workspace.getPlatform() != Platform.SLACK) {
      return;
    }
    Member member = ctx.member();
    List<PairContext> all = PairResolver.everything(ctx.store(), member);
    Reply status =
        all.size() > 1 ? StatusView.renderAll(all, now, quiet) : StatusView.render(ctx, now, quiet);
    Reply home =
        new Reply(
            Reply.Kind.INFO,
            Reply.Visibility.PRIVATE,
            "*Your Tandem*\n" + status.text(),
            status.fields(),
            ReminderChoicesForm.withButton(status.buttons()),
            null);
    Outbox.queue(
        ctx.store(),
        workspace.getId(),
        workspace.getPlatform(),
        "home:" + member.getUserId() + ":" + version,
        new ChatTarget.AppHome(member.getUserId()),
        home,
        now,
        now);
  }

  private static void publishIfOpened(
      PairContext ctx, long version, Instant now, ReminderTimes.QuietHours quiet) {
    if (PairActivity.in(ctx.store()).ever(ctx.member().getId(), SignalType.HOME_OPENED)) {
      // the view reads the change, which a use case without flushes has not written yet
      ctx.store().flush();
      publish(ctx, version, now, quiet);
    }
  }
}
