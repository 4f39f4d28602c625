package io.tandem.core.reminders;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.command.Command;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code pause [until DATE|2w]}: stops reminders and nudges for the pair until the start of that
 * day in the person's zone (default two weeks, at most {@value #MAX_PAUSE_DAYS} days); the reminder
 * job resumes them. The partner is told.
 */
final class PauseParticipation {

  static final int MAX_PAUSE_DAYS = 90;
  static final int DEFAULT_PAUSE_DAYS = 14;

  private final Database db;
  private final Clock clock;

  PauseParticipation(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Reply pause(Actor actor, LocalDate until, Integer days, Command.Target target) {
    String retry =
        "pause" + (until != null ? " until " + until : days != null ? " " + days + "d" : "");
    return db.transaction(
        store ->
            PairContext.inProgram(
                store, actor, target, retry, Notices.notJoined(), ctx -> pause(ctx, until, days)));
  }

  private Reply pause(PairContext ctx, LocalDate until, Integer days) {
    Participant me = ctx.me();
    if (me.getStatus() == ParticipantStatus.WAITLISTED) {
      return Reply.error(
          "You're on the waitlist, so there are no reminders to pause yet.", "status");
    }
    Instant now = clock.instant();
    LocalDate today = ctx.today(now);
    LocalDate end =
        until != null ? until : today.plusDays(days == null ? DEFAULT_PAUSE_DAYS : days);
    if (!end.isAfter(today)) {
      return Reply.error(
          "`" + end + "` is not in the future; pause until a later day.",
          ReminderGrammar.PAUSE_EXAMPLE);
    }
    if (end.isAfter(today.plusDays(MAX_PAUSE_DAYS))) {
      return Reply.error(
          "A pause can last at most "
              + MAX_PAUSE_DAYS
              + " days; use `"
              + Markup.command("leave")
              + "` to stop for good.",
          ReminderGrammar.PAUSE_EXAMPLE);
    }
    me.pause(end.atStartOfDay(ctx.zone()).toInstant());
    CheckInSignals.record(
        ctx,
        SignalType.PARTICIPANT_PAUSED,
        Map.of("days", ChronoUnit.DAYS.between(today, end)),
        now);
    for (PairContext pair : PairResolver.pairsOf(ctx)) {
      Notices.tell(
          ctx.store(),
          me.getWorkspaceId(),
          "paused:" + me.getId() + ":" + now.toEpochMilli() + ":" + pair.pair().getId(),
          pair.partnerMember().getUserId(),
          Markup.text(ctx.member().getDisplayName())
              + " is taking a break from Tandem until "
              + end
              + ", so reminders for your pair stop until then. Nothing for you to do.",
          now);
    }
    return Reply.success(
        "Paused until "
            + end
            + ". No reminders until then; Tandem picks up again by itself, or use `"
            + Markup.command("resume")
            + "` sooner.",
        List.of());
  }
}
