package io.tandem.core.reminders;

import io.tandem.core.checkins.ActivePairs;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.programs.WorkspaceAdmins;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Admin {@code nudge @person}: one nudge to the person and their partner, now. */
final class NudgeNow {

  private final Database db;
  private final Clock clock;
  private final ReminderSettings settings;

  NudgeNow(Database db, Clock clock, ReminderSettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  Reply nudge(Actor actor, String userId) {
    Optional<Reply> refused =
        db.transaction(
            store ->
                AdminRights.refuseForPerson(store, actor, userId, ReminderGrammar.NUDGE_EXAMPLE));
    if (refused.isPresent()) {
      return refused.get();
    }
    // another instance may record the same admin at once: the loser retries and finds the row
    return db.transactionRetryingConflicts(
        store -> {
          Optional<Workspace> workspace =
              Workspaces.in(store).find(actor.platform(), actor.workspaceId());
          ActivePairs pairs = ActivePairs.in(store);
          Optional<Participant> participant =
              workspace
                  .flatMap(w -> Members.in(store).find(w.getId(), userId))
                  .flatMap(
                      m ->
                          Participants.in(store).ofMember(m.getId()).stream()
                              .filter(p -> pairs.of(p.getId()).isPresent())
                              // a program admin nudges the pair in a program they administer
                              .filter(p -> mayAdminister(store, actor, p))
                              .findFirst());
          if (participant.isEmpty()) {
            return Reply.error(
                Markup.mention(userId)
                    + (actor.admin()
                        ? " has no active pair in any program"
                        : " has no active pair in a program you administer")
                    + ", so there is nobody to nudge.",
                ReminderGrammar.NUDGE_EXAMPLE);
          }
          Pair pair = pairs.of(participant.get().getId()).orElseThrow();
          Program program = Programs.in(store).byId(pair.getProgramId()).orElseThrow();
          PairPeople pp = PairPeople.load(store, program, pair).orElseThrow();
          Instant now = clock.instant();
          if (actor.admin()) {
            // a program admin is no workspace admin: they hear no other program's escalations
            WorkspaceAdmins.in(store).record(workspace.get().getId(), actor.userId(), now);
          }
          return nudgeBoth(store, pp, now);
        });
  }

  private static boolean mayAdminister(Store store, Actor actor, Participant participant) {
    return actor.admin()
        || Programs.in(store)
            .byId(participant.getProgramId())
            .map(p -> AdminRights.mayAdminister(store, actor, p))
            .orElse(false);
  }

  private Reply nudgeBoth(Store store, PairPeople pp, Instant now) {
    StringBuilder later = new StringBuilder();
    for (PairPeople.Person person : pp.people()) {
      Instant notBefore = person.firstAllowed(now, settings.quietHours());
      ClimbNudgeLadder.send(
          store,
          pp,
          person,
          "nudge:" + pp.pair().getId() + ":admin:" + now.toEpochMilli() + ":" + person.userId(),
          ReminderMessages.nudge(pp, person, 3),
          notBefore,
          now);
      pp.signal(store, person, SignalType.NUDGE_SENT, Map.of("step", "admin"), now);
      if (notBefore.isAfter(now)) {
        later.append(
            " "
                + Markup.text(person.name())
                + " is in quiet hours and gets it at "
                + notBefore.atZone(person.zone()).toLocalTime()
                + " their time.");
      }
    }
    return Reply.success(
        "Nudged "
            + Markup.text(pp.mentor().name())
            + " and "
            + Markup.text(pp.mentee().name())
            + "."
            + later,
        List.of());
  }
}
