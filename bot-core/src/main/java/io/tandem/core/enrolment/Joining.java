package io.tandem.core.enrolment;

import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the join form's pages share within one transaction: the repositories, and finding or
 * creating the workspace, member and default program a first join needs.
 */
final class Joining {

  final Workspaces workspaces;
  final Members members;
  final Participants participants;
  final Programs programs;
  final Signals signals;

  Joining(Store store) {
    this.workspaces = Workspaces.in(store);
    this.members = Members.in(store);
    this.participants = Participants.in(store);
    this.programs = Programs.in(store);
    this.signals = Signals.in(store);
  }

  static boolean accepting(Program program) {
    return program.getStatus() == ProgramStatus.OPEN
        || program.getStatus() == ProgramStatus.RUNNING;
  }

  /** Whether the program's pilot cap is passed, counting a participant just added. */
  boolean atCap(Program program) {
    Integer cap = program.getPilotCap();
    return cap != null && participants.count(program.getId(), ParticipantStatus.ACTIVE) > cap;
  }

  Workspace workspace(Actor actor, Instant now) {
    return workspaces.findOrAdd(actor.platform(), actor.workspaceId(), now);
  }

  /** The actor's member, added when new, with the name and zone the platform gives now. */
  Member member(Workspace workspace, Actor actor, Instant now) {
    Member member =
        members
            .find(workspace.getId(), actor.userId())
            .orElseGet(
                () ->
                    members.add(
                        new Member(
                            workspace.getId(),
                            actor.userId(),
                            actor.displayName(),
                            actor.timeZone(),
                            now)));
    member.refreshProfile(actor.displayName(), actor.timeZone(), actor.email(), now);
    return member;
  }

  Program defaultProgram(Workspace workspace, Instant now) {
    return programs
        .defaultOf(workspace.getId())
        .orElseGet(
            () ->
                programs.add(
                    new Program(
                        workspace.getId(),
                        EnrolmentFeature.DEFAULT_PROGRAM_NAME,
                        Program.DEFAULT_CADENCE_DAYS,
                        ProgramStatus.OPEN,
                        true,
                        now)));
  }

  /** The program a form id names: the default one, or one of the workspace's by id. */
  Optional<Program> programOf(Workspace workspace, String key) {
    if (key.equals(ProfileForms.DEFAULT_PROGRAM)) {
      return programs.defaultOf(workspace.getId());
    }
    try {
      return programs
          .byId(Long.parseLong(key))
          .filter(p -> p.getWorkspaceId().equals(workspace.getId()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  void signal(
      Participant participant,
      Member member,
      SignalType type,
      Map<String, ?> details,
      Instant now) {
    signals.record(participant.signal(type, member.getId(), details, now));
  }
}
