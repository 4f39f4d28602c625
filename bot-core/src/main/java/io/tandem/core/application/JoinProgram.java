package io.tandem.core.application;

import io.tandem.core.command.Command;
import io.tandem.core.domain.ProgramStatus;
import io.tandem.core.domain.Role;
import io.tandem.core.domain.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Member;
import io.tandem.core.store.OutboxMessage;
import io.tandem.core.store.Participant;
import io.tandem.core.store.Program;
import io.tandem.core.store.Signal;
import io.tandem.core.store.Store;
import io.tandem.core.store.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /tandem join mentor|mentee [program]}: enrols the actor in the workspace's default program
 * or a named one. In one transaction it creates whatever is missing (workspace, member, the default
 * program on first use), the participant, a {@link SignalType#PARTICIPANT_JOINED} signal and a
 * welcome DM in the outbox ({@code welcome:{participantId}}). Unknown program names and repeated
 * joins write nothing.
 */
public final class JoinProgram {

  /** The program every workspace gets on first use. */
  public static final String DEFAULT_PROGRAM_NAME = "Reverse mentoring";

  private final Database db;
  private final Clock clock;

  public JoinProgram(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply join(Actor actor, Command.Join command) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
    // two first joins in a new workspace race to create it: the loser retries and finds it
    return db.inTransactionRetryingConflicts(em -> join(new Store(em), actor, command));
  }

  private Reply join(Store store, Actor actor, Command.Join command) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<Workspace> existingWorkspace = store.workspace(actor.platform(), actor.workspaceId());

    // resolve a named program before writing anything: an unknown name writes nothing
    Program named = null;
    if (command.program() != null && !command.program().isBlank()) {
      List<Program> programs =
          existingWorkspace.map(w -> store.programs(w.getId())).orElse(List.of());
      Optional<Program> match =
          existingWorkspace.flatMap(w -> store.programNamed(w.getId(), command.program()));
      if (match.isEmpty()) {
        return unknownProgram(command, programs);
      }
      named = match.get();
    }

    Workspace workspace =
        existingWorkspace.orElseGet(
            () -> store.add(new Workspace(actor.platform(), actor.workspaceId(), now)));
    Member member =
        store
            .member(workspace.getId(), actor.userId())
            .map(
                m -> {
                  m.refreshProfile(actor.displayName(), actor.timeZone(), now);
                  return m;
                })
            .orElseGet(
                () ->
                    store.add(
                        new Member(
                            workspace.getId(),
                            actor.userId(),
                            actor.displayName(),
                            actor.timeZone(),
                            now)));
    Program program =
        named != null
            ? named
            : store
                .defaultProgram(workspace.getId())
                .orElseGet(
                    () ->
                        store.add(
                            new Program(
                                workspace.getId(),
                                DEFAULT_PROGRAM_NAME,
                                Program.DEFAULT_CADENCE_DAYS,
                                ProgramStatus.OPEN,
                                true,
                                now)));

    Optional<Participant> already = store.participant(program.getId(), member.getId());
    if (already.isPresent()) {
      return alreadyJoined(program, already.get(), command.role());
    }

    Participant participant =
        store.add(
            new Participant(
                workspace.getId(), program.getId(), member.getId(), command.role(), now));
    store.add(
        new Signal(
            workspace.getId(),
            SignalType.PARTICIPANT_JOINED,
            member.getId(),
            program.getId(),
            participant.getId(),
            null,
            now,
            Json.object(Map.of("role", command.role().label()))));
    store.queueOnce(
        new OutboxMessage(
            workspace.getId(),
            "welcome:" + participant.getId(),
            actor.platform(),
            actor.userId(),
            null,
            welcomePayload(member, program, command.role()),
            now,
            now));

    return Reply.success(
        "Welcome to *"
            + program.getName()
            + "* as a "
            + command.role().label()
            + "! I'll introduce you to your "
            + counterpart(command.role())
            + " once pairs are matched. After each meeting, log it with"
            + " `/tandem log 45m what you covered`.",
        List.of(
            new Reply.Field("Program", program.getName()),
            new Reply.Field("Role", command.role().label()),
            new Reply.Field("Cadence", "every " + program.getCadenceDays() + " days")));
  }

  private static Reply unknownProgram(Command.Join command, List<Program> programs) {
    String role = command.role().label();
    if (programs.isEmpty()) {
      return Reply.error(
          "There is no program called *"
              + command.program().strip()
              + "* here yet. Leave the name out to join the default program.",
          "/tandem join " + role);
    }
    String known =
        programs.stream().map(p -> "*" + p.getName() + "*").collect(Collectors.joining(", "));
    return Reply.error(
        "There is no program called *"
            + command.program().strip()
            + "* here. Programs you can join: "
            + known
            + ".",
        "/tandem join " + role + " " + programs.get(0).getName());
  }

  private static Reply alreadyJoined(Program program, Participant participant, Role asked) {
    String text =
        "You're already in *" + program.getName() + "* as a " + participant.getRole().label() + ".";
    if (participant.getRole() != asked) {
      text += " Ask a program admin if you want to switch to " + asked.label() + ".";
    }
    return Reply.info(
        text,
        List.of(
            new Reply.Field("Program", program.getName()),
            new Reply.Field("Role", participant.getRole().label())));
  }

  private static String welcomePayload(Member member, Program program, Role role) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("kind", "welcome");
    payload.put(
        "text",
        "Hi "
            + member.getDisplayName()
            + ", welcome to *"
            + program.getName()
            + "*! You joined as a "
            + role.label()
            + ". I'll introduce you to your "
            + counterpart(role)
            + " soon. Try `/tandem status` any time.");
    payload.put("programId", program.getId());
    return Json.object(payload);
  }

  private static String counterpart(Role role) {
    return role == Role.MENTOR ? "mentee" : "mentor";
  }
}
