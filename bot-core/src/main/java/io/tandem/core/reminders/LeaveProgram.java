package io.tandem.core.reminders;

import io.tandem.core.calendar.Meetings;
import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.command.Command;
import io.tandem.core.enrolment.CurrentParticipation;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code leave} asks to confirm; {@code leave confirm} ends the participation and the pair, tells
 * the partner kindly (they stay in the program for the next match), and moves the first waitlisted
 * person up.
 */
final class LeaveProgram {

  private final Database db;
  private final Clock clock;

  LeaveProgram(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Reply leave(Actor actor, boolean confirmed, Command.Target target) {
    return db.transaction(
        store ->
            PairContext.inProgram(
                store,
                actor,
                target,
                confirmed ? "leave confirm" : "leave",
                Notices.notJoined(),
                ctx -> leave(ctx, confirmed)));
  }

  private Reply leave(PairContext ctx, boolean confirmed) {
    Program program = ctx.program();
    List<PairContext> pairs = PairResolver.pairsOf(ctx);
    String partner =
        pairs.isEmpty()
            ? null
            : pairs.stream()
                .map(p -> Markup.text(p.partnerName()))
                .collect(Collectors.joining(" and "));
    if (!confirmed) {
      String participation = " participation:" + ctx.me().getId();
      return new Reply(
          Reply.Kind.INFO,
          Reply.Visibility.PRIVATE,
          "Leave the program *"
              + Markup.text(program.getName())
              + "*?"
              + (partner != null
                  ? " Your "
                      + (pairs.size() > 1 ? "pairings" : "pairing")
                      + " with "
                      + partner
                      + " "
                      + (pairs.size() > 1 ? "end" : "ends")
                      + "."
                  : "")
              + " If you only need a break, pause instead.",
          List.of(),
          List.of(
              ReminderMessages.button(
                  "Yes, leave " + program.getName(),
                  "leave confirm" + participation,
                  Reply.Button.Style.DANGER),
              ReminderMessages.button("Pause 2 weeks", "pause 2w" + participation, null)),
          null);
    }
    end(ctx, ctx.member().getDisplayName(), clock.instant());
    return Reply.success(
        "You've left *"
            + Markup.text(program.getName())
            + "*. Thank you for taking part!"
            + (partner != null ? " " + partner + " has been told." : "")
            + " You can join again any time with `"
            + Markup.command("join")
            + "`.",
        List.of());
  }

  /** See {@link Participation#endForErasure}. */
  static void endForErasure(Store store, Member member, Participant me, Instant now) {
    if (me.getStatus() == ParticipantStatus.LEFT) {
      return;
    }
    Program program = Programs.in(store).byId(me.getProgramId()).orElseThrow();
    PairContext ctx = PairContext.of(store, new CurrentParticipation(member, me, program), null);
    end(ctx, "Your partner", now);
  }

  /**
   * Ends the participation of {@code ctx}: the pair ends, the partner is told kindly, and the first
   * waitlisted person moves up when a place was held.
   *
   * @param leaver how the partner's message names who left
   */
  private static void end(PairContext whole, String leaver, Instant now) {
    Store store = whole.store();
    Program program = whole.program();
    Participant me = whole.me();
    boolean heldPlace = me.getStatus() != ParticipantStatus.WAITLISTED;
    List<PairContext> pairs = PairResolver.pairsOf(whole);
    me.leave();
    CheckInSignals.record(whole, SignalType.PARTICIPANT_LEFT, Map.of(), now);
    for (PairContext ctx : pairs) {
      ctx.pair().end(now);
      Meetings.cancel(store, ctx.pair(), now);
      CheckInSignals.record(ctx, SignalType.PAIR_ENDED, Map.of("reason", "left"), now);
      Notices.tell(
          store,
          me.getWorkspaceId(),
          "left:" + ctx.pair().getId() + ":" + ctx.partnerMember().getUserId(),
          ctx.partnerMember().getUserId(),
          Markup.text(leaver)
              + " has left *"
              + Markup.text(program.getName())
              + "*, so your pairing ends here. Thank you for the sessions you shared — you"
              + " stay in the program and will be matched with someone new in the next"
              + " round.",
          now);
    }
    if (heldPlace) {
      promote(store, program, now);
    }
  }

  private static void promote(Store store, Program program, Instant now) {
    Optional<Participant> next = ReminderRoster.in(store).firstWaitlisted(program.getId());
    if (next.isEmpty()) {
      return;
    }
    Participant p = next.get();
    p.activate();
    Notices.signal(store, p, null, SignalType.WAITLIST_PROMOTED, Map.of(), now);
    Members.in(store)
        .byId(p.getMemberId())
        .ifPresent(
            m ->
                Notices.tell(
                    store,
                    p.getWorkspaceId(),
                    "promoted:" + p.getId(),
                    m.getUserId(),
                    "Good news: a place opened up in *"
                        + Markup.text(program.getName())
                        + "* and you're in! You'll be paired in the next match round.",
                    now));
  }
}
