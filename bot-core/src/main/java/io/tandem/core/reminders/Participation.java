package io.tandem.core.reminders;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.persistence.CheckInStore;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.CurrentParticipation;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.CheckInSignals;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.reminders.persistence.ReminderStore;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pause, resume, leave and "continue": a participant's own say over their participation.
 *
 * <ul>
 *   <li>{@code pause [until DATE|2w]} stops reminders and nudges for the pair until the start of
 *       that day in the person's zone (default two weeks, at most {@value #MAX_PAUSE_DAYS} days);
 *       the reminder job resumes them ({@link #resumeDue}). The partner is told.
 *   <li>{@code resume} ends a pause now; the pair's cadence starts over.
 *   <li>{@code leave} asks to confirm; {@code leave confirm} ends the participation and the pair,
 *       tells the partner kindly (they stay in the program for the next match), and moves the first
 *       waitlisted person up.
 *   <li>{@code continue} answers the at-risk question: the pair carries on with a fresh round.
 * </ul>
 */
public final class Participation {

  static final int MAX_PAUSE_DAYS = 90;
  static final int DEFAULT_PAUSE_DAYS = 14;
  static final String PAUSE_EXAMPLE = "pause until 2026-06-01";

  private final Database db;
  private final Clock clock;
  private final java.util.Set<String> knownAdmins =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Participation(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Pauses until the start of {@code until} in the actor's zone, or for {@code days} days when
   * {@code until} is {@code null}.
   */
  public Reply pause(Actor actor, LocalDate until, Integer days) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
          if (current.isEmpty()) {
            return notJoined();
          }
          PairContext ctx = PairContext.of(store, current.get(), actor.timeZone());
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
                "`" + end + "` is not in the future; pause until a later day.", PAUSE_EXAMPLE);
          }
          if (end.isAfter(today.plusDays(MAX_PAUSE_DAYS))) {
            return Reply.error(
                "A pause can last at most "
                    + MAX_PAUSE_DAYS
                    + " days; use `"
                    + Markup.command("leave")
                    + "` to stop for good.",
                PAUSE_EXAMPLE);
          }
          Instant resumeAt = end.atStartOfDay(ctx.zone()).toInstant();
          me.pause(resumeAt);
          CheckInSignals.record(
              ctx,
              SignalType.PARTICIPANT_PAUSED,
              Map.of("days", java.time.temporal.ChronoUnit.DAYS.between(today, end)),
              now);
          if (ctx.paired()) {
            tell(
                store,
                me.getWorkspaceId(),
                "paused:" + me.getId() + ":" + now.toEpochMilli(),
                ctx.partnerMember().getUserId(),
                Markup.text(ctx.member().getDisplayName())
                    + " is taking a break from Tandem until "
                    + end
                    + ", so reminders for your pair stop until then. Nothing for you to do.",
                now);
          }
          return Reply.success(
              "Paused until "
                  + end
                  + ". No reminders until then; Tandem picks up again by itself, or use"
                  + " `"
                  + Markup.command("resume")
                  + "` sooner.",
              List.of());
        });
  }

  public Reply resume(Actor actor) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
          if (current.isEmpty()) {
            return notJoined();
          }
          Participant me = current.get().participant();
          if (me.getStatus() != ParticipantStatus.PAUSED) {
            return Reply.error("You're not paused, so there is nothing to resume.", PAUSE_EXAMPLE);
          }
          resume(store, me, false, clock.instant());
          return Reply.success(
              "Welcome back! Reminders start again with a fresh round for your pair.", List.of());
        });
  }

  /**
   * Resumes everyone whose pause ended by {@code at}, and tells them (called by the reminder job).
   */
  public int resumeDue(Instant at) {
    return db.inTransactionRetryingConflicts(
        em -> {
          Store store = new Store(em);
          List<Participant> ended = new ReminderStore(store).pausesEndedBy(at);
          for (Participant p : ended) {
            Instant pausedUntil = p.getPausedUntil();
            resume(store, p, true, at);
            Optional<Member> member = store.memberById(p.getMemberId());
            if (member.isPresent()) {
              tell(
                  store,
                  p.getWorkspaceId(),
                  "resumed:" + p.getId() + ":" + pausedUntil.toEpochMilli(),
                  member.get().getUserId(),
                  "Welcome back! Your Tandem pause is over and reminders start again.",
                  at);
            }
          }
          return ended.size();
        });
  }

  private void resume(Store store, Participant me, boolean automatic, Instant now) {
    me.resume();
    Optional<Pair> pair = new CheckInStore(store).activePair(me.getId());
    pair.ifPresent(p -> p.restart(now));
    store.add(
        new Signal(
            me.getWorkspaceId(),
            SignalType.PARTICIPANT_RESUMED,
            me.getMemberId(),
            me.getProgramId(),
            me.getId(),
            pair.map(Pair::getId).orElse(null),
            now,
            Json.object(Map.of("automatic", automatic))));
  }

  public Reply leave(Actor actor, boolean confirmed) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
          if (current.isEmpty()) {
            return notJoined();
          }
          PairContext ctx = PairContext.of(store, current.get(), actor.timeZone());
          Program program = ctx.program();
          if (!confirmed) {
            return new Reply(
                Reply.Kind.INFO,
                Reply.Visibility.PRIVATE,
                "Leave *"
                    + Markup.text(program.getName())
                    + "*?"
                    + (ctx.paired()
                        ? " Your pairing with " + Markup.text(ctx.partnerName()) + " ends."
                        : "")
                    + " If you only need a break, pause instead.",
                List.of(),
                List.of(
                    new Reply.Button(
                        CommandDispatcher.COMMAND_ACTION,
                        "Yes, leave",
                        "leave confirm",
                        Reply.Button.Style.DANGER),
                    new Reply.Button(
                        CommandDispatcher.COMMAND_ACTION, "Pause 2 weeks", "pause 2w", null)),
                null);
          }
          Instant now = clock.instant();
          end(store, ctx, ctx.member().getDisplayName(), now);
          return Reply.success(
              "You've left *"
                  + Markup.text(program.getName())
                  + "*. Thank you for taking part!"
                  + (ctx.paired() ? " " + Markup.text(ctx.partnerName()) + " has been told." : "")
                  + " You can join again any time with `"
                  + Markup.command("join")
                  + "`.",
              List.of());
        });
  }

  /**
   * Ends {@code me}'s participation as {@code leave confirm} does, in the caller's transaction: for
   * a person who asked to be forgotten. The partner is told kindly without being told who left.
   */
  public static void endForErasure(Store store, Member member, Participant me, Instant now) {
    if (me.getStatus() == ParticipantStatus.LEFT) {
      return;
    }
    Program program = store.program(me.getProgramId()).orElseThrow();
    PairContext ctx = PairContext.of(store, new CurrentParticipation(member, me, program), null);
    end(store, ctx, "Your partner", now);
  }

  /**
   * Ends the participation of {@code ctx}: the pair ends, the partner is told kindly, and the first
   * waitlisted person moves up when a place was held.
   *
   * @param leaver how the partner's message names who left
   */
  private static void end(Store store, PairContext ctx, String leaver, Instant now) {
    Program program = ctx.program();
    Participant me = ctx.me();
    boolean heldPlace = me.getStatus() != ParticipantStatus.WAITLISTED;
    me.leave();
    CheckInSignals.record(ctx, SignalType.PARTICIPANT_LEFT, Map.of(), now);
    if (ctx.paired()) {
      ctx.pair().end(now);
      CheckInSignals.record(ctx, SignalType.PAIR_ENDED, Map.of("reason", "left"), now);
      tell(
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
    Optional<Participant> next = new ReminderStore(store).firstWaitlisted(program.getId());
    if (next.isEmpty()) {
      return;
    }
    Participant p = next.get();
    p.activate();
    store.add(
        new Signal(
            p.getWorkspaceId(),
            SignalType.WAITLIST_PROMOTED,
            p.getMemberId(),
            program.getId(),
            p.getId(),
            null,
            now,
            "{}"));
    store
        .memberById(p.getMemberId())
        .ifPresent(
            m ->
                tell(
                    store,
                    p.getWorkspaceId(),
                    "promoted:" + p.getId(),
                    m.getUserId(),
                    "Good news: a place opened up in *"
                        + Markup.text(program.getName())
                        + "* and you're in! You'll be paired in the next match round.",
                    now));
  }

  /** {@code continue}: the at-risk pair carries on; the cadence starts over today. */
  public Reply carryOn(Actor actor) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<PairContext> found = PairContext.of(store, actor);
          if (found.isEmpty() || !found.get().paired()) {
            return Reminders.notPaired();
          }
          PairContext ctx = found.get();
          Instant now = clock.instant();
          ctx.pair().restart(now);
          CheckInSignals.record(ctx, SignalType.PAIR_CONTINUED, Map.of(), now);
          return Reply.success(
              "Great — a fresh start for you and "
                  + Markup.text(ctx.partnerName())
                  + ". Tandem will remind you both in "
                  + ctx.program().getCadenceDays()
                  + " days.",
              List.of());
        });
  }

  /** Remembers admins as they act, so "we need help" and escalations reach them. */
  public void adminActed(Actor actor) {
    String key = actor.platform() + "/" + actor.workspaceId() + "/" + actor.userId();
    if (!actor.admin() || knownAdmins.contains(key)) {
      return;
    }
    boolean recorded =
        db.inTransaction(
            em -> {
              Store store = new Store(em);
              Optional<Workspace> workspace =
                  store.workspace(actor.platform(), actor.workspaceId());
              workspace.ifPresent(
                  w ->
                      new ReminderStore(store)
                          .recordAdmin(w.getId(), actor.userId(), clock.instant()));
              return workspace.isPresent();
            });
    if (recorded) {
      knownAdmins.add(key);
    }
  }

  private static void tell(
      Store store, long workspaceId, String key, String userId, String text, Instant now) {
    Workspace workspace = store.workspaceById(workspaceId).orElseThrow();
    Outbox.queue(
        store,
        workspaceId,
        workspace.getPlatform(),
        key,
        new ChatTarget.DirectMessage(userId),
        Reply.info(text, List.of()),
        now,
        now);
  }

  private static Reply notJoined() {
    return Reply.error("You haven't joined a Tandem program yet.", "join mentee");
  }
}
