package io.tandem.core.reminders;

import io.tandem.core.checkins.ActivePairs;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code resume} ends a pause now, and the reminder job ends pauses that are over; either way the
 * pair's cadence starts over.
 */
final class ResumeParticipation {

  private final Database db;
  private final Clock clock;

  ResumeParticipation(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Reply resume(Actor actor, Command.Target target) {
    return db.transaction(
        store ->
            PairContext.inProgram(
                store,
                actor,
                target,
                "resume",
                Notices.notJoined(),
                ctx -> {
                  if (ctx.me().getStatus() != ParticipantStatus.PAUSED) {
                    return Reply.error(
                        "You're not paused, so there is nothing to resume.",
                        ReminderGrammar.PAUSE_EXAMPLE);
                  }
                  resume(store, ctx.me(), false, clock.instant());
                  return Reply.success(
                      "Welcome back! Reminders start again with a fresh round for your pair.",
                      List.of());
                }));
  }

  /** Resumes everyone whose pause ended by {@code at}, and tells them. */
  int resumeDue(Instant at) {
    return db.transactionRetryingConflicts(
        store -> {
          List<Participant> ended = ReminderRoster.in(store).pausesEndedBy(at);
          for (Participant p : ended) {
            Instant pausedUntil = p.getPausedUntil();
            resume(store, p, true, at);
            Optional<Member> member = Members.in(store).byId(p.getMemberId());
            if (member.isPresent()) {
              Notices.tell(
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

  private static void resume(Store store, Participant me, boolean automatic, Instant now) {
    me.resume();
    List<Pair> pairs = ActivePairs.in(store).all(me.getId());
    pairs.forEach(p -> p.restart(now));
    Notices.signal(
        store,
        me,
        pairs.isEmpty() ? null : pairs.get(0).getId(),
        SignalType.PARTICIPANT_RESUMED,
        Map.of("automatic", automatic),
        now);
  }
}
