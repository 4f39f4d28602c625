package io.tandem.core.matching;

import io.tandem.core.calendar.Meetings;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code match approve [program]}: makes the proposed pairs real and queues, in the same
 * transaction, each pair's introduction, each person's role guide, and a kind note to anyone left
 * without a partner. A commit that loses a race with another transaction runs again.
 */
public final class ApproveMatch {

  private final Database db;
  private final Clock clock;
  private final Function<Store, Pairs> pairsOf;

  public ApproveMatch(Database db, Clock clock) {
    this(db, clock, Pairs::in);
  }

  /** With the pairs repository {@code pairsOf} gives for each transaction. */
  ApproveMatch(Database db, Clock clock, Function<Store, Pairs> pairsOf) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pairsOf = Objects.requireNonNull(pairsOf, "pairsOf");
  }

  public Reply approve(Actor actor, String programName) {
    return AdminRights.only(
        db,
        actor,
        programName,
        "status",
        () -> db.transactionRetryingConflicts(store -> approve(store, actor, programName)));
  }

  private Reply approve(Store store, Actor actor, String programName) {
    Optional<Program> found = ProgramLookup.inChat(store, actor, programName);
    if (found.isEmpty()) {
      return MatchMessages.noProgram(programName);
    }
    Program program = found.get();
    Pairs pairs = pairsOf.apply(store);
    List<Pair> proposed = pairs.inProgram(program.getId(), Pair.Status.PROPOSED);
    if (proposed.isEmpty()) {
      return Reply.error(
          "There are no proposed pairs to approve.",
          "match preview " + Markup.text(program.getName()));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    Participants participants = Participants.in(store);
    Members members = Members.in(store);
    Signals signals = Signals.in(store);
    for (Pair pair : proposed) {
      pair.approve(now);
      Participant mentor = participants.byId(pair.getMentorId()).orElseThrow();
      Participant mentee = participants.byId(pair.getMenteeId()).orElseThrow();
      Member mentorMember = members.byId(mentor.getMemberId()).orElseThrow();
      Member menteeMember = members.byId(mentee.getMemberId()).orElseThrow();
      signals.record(
          Signal.aboutPair(
              SignalType.PAIR_CREATED,
              program.getWorkspaceId(),
              null,
              program.getId(),
              pair.getId(),
              Map.of("score", pair.getScore()),
              now));
      Introductions.queue(store, workspace, program, pair, mentorMember, menteeMember, now);
      Meetings.propose(store, workspace, pair, now);
    }
    int told = tellUnmatched(store, pairs, workspace, program, now);
    signals.record(
        Signal.aboutProgram(
            SignalType.MATCH_APPROVED,
            program.getWorkspaceId(),
            program.getId(),
            Map.of("pairs", proposed.size(), "unmatched", told),
            now));
    return MatchMessages.approved(program, proposed.size(), told);
  }

  /** Tells each active, profiled person left without a partner why, once per approval day. */
  private static int tellUnmatched(
      Store store, Pairs pairs, Workspace workspace, Program program, Instant now) {
    Set<Long> paired = new HashSet<>();
    pairs
        .inProgram(program.getId(), Pair.Status.ACTIVE)
        .forEach(
            p -> {
              paired.add(p.getMentorId());
              paired.add(p.getMenteeId());
            });
    Members members = Members.in(store);
    Signals signals = Signals.in(store);
    int told = 0;
    for (Participant p : Participants.in(store).inProgram(program.getId())) {
      boolean waiting = p.getStatus() == ParticipantStatus.WAITLISTED;
      boolean left =
          p.getStatus() == ParticipantStatus.ACTIVE
              && p.isProfileComplete()
              && !paired.contains(p.getId());
      if (!waiting && !left) {
        continue;
      }
      Member member = members.byId(p.getMemberId()).orElseThrow();
      boolean queued =
          Outbox.queue(
              store,
              workspace.getId(),
              workspace.getPlatform(),
              "unmatched:" + p.getId() + ":" + now.truncatedTo(ChronoUnit.DAYS).toEpochMilli(),
              new ChatTarget.DirectMessage(member.getUserId()),
              Reply.info(MatchMessages.unmatched(program, p.getRole(), waiting), List.of()),
              now,
              now);
      if (queued) {
        signals.record(
            p.signal(SignalType.UNMATCHED, member.getId(), Map.of("waitlisted", waiting), now));
        told++;
      }
    }
    return told;
  }
}
