package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.learning.AskForReview;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code program open|start|pause|close|show NAME}. A program moves draft → open (people join) →
 * running (pairs meet) ⇄ paused → closed. Closing asks every active participant who rated skills at
 * enrolment to re-rate them ({@link AskForReview}). Anyone may {@code show}.
 */
public final class ChangeProgram {

  private static final Map<Command.ProgramAction, Set<ProgramStatus>> ALLOWED_FROM =
      Map.of(
          Command.ProgramAction.OPEN, EnumSet.of(ProgramStatus.DRAFT, ProgramStatus.PAUSED),
          Command.ProgramAction.START,
              EnumSet.of(ProgramStatus.DRAFT, ProgramStatus.OPEN, ProgramStatus.PAUSED),
          Command.ProgramAction.PAUSE, EnumSet.of(ProgramStatus.OPEN, ProgramStatus.RUNNING),
          Command.ProgramAction.CLOSE,
              EnumSet.of(
                  ProgramStatus.DRAFT,
                  ProgramStatus.OPEN,
                  ProgramStatus.RUNNING,
                  ProgramStatus.PAUSED));

  private static final Map<Command.ProgramAction, ProgramStatus> TARGET =
      Map.of(
          Command.ProgramAction.OPEN, ProgramStatus.OPEN,
          Command.ProgramAction.START, ProgramStatus.RUNNING,
          Command.ProgramAction.PAUSE, ProgramStatus.PAUSED,
          Command.ProgramAction.CLOSE, ProgramStatus.CLOSED);

  private final Database db;
  private final Clock clock;

  public ChangeProgram(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply change(Actor actor, Command.ChangeProgram command) {
    if (command.action() != Command.ProgramAction.SHOW) {
      Optional<Reply> refused =
          db.transaction(store -> AdminRights.refuse(store, actor, command.name(), "status"));
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    return db.transaction(
        store -> {
          Optional<Program> found =
              Workspaces.in(store)
                  .find(actor.platform(), actor.workspaceId())
                  .flatMap(w -> Programs.in(store).named(w.getId(), command.name()));
          if (found.isEmpty()) {
            return ProgramMessages.noSuchProgram(command.name());
          }
          Program program = found.get();
          if (command.action() == Command.ProgramAction.SHOW) {
            return Reply.info("*" + Markup.text(program.getName()) + "*", show(store, program));
          }
          return move(store, program, command.action());
        });
  }

  private Reply move(Store store, Program program, Command.ProgramAction action) {
    String verb = action.name().toLowerCase(Locale.ROOT);
    if (!ALLOWED_FROM.get(action).contains(program.getStatus())) {
      return Reply.error(
          "*"
              + Markup.text(program.getName())
              + "* is "
              + program.getStatus().label()
              + ", so it can't "
              + verb
              + ".",
          "program show " + Markup.text(program.getName()));
    }
    program.moveTo(TARGET.get(action));
    Instant now = clock.instant();
    if (action == Command.ProgramAction.START) {
      program.started(now);
    }
    Signals.in(store).record(CreateProgram.statusSignal(program, SignalType.PROGRAM_CHANGED, now));
    String review = "";
    if (action == Command.ProgramAction.CLOSE) {
      int asked = AskForReview.ask(store, program, now);
      review =
          asked == 0
              ? ""
              : " "
                  + asked
                  + (asked == 1 ? " participant was" : " participants were")
                  + " asked to re-rate their skills.";
    }
    return Reply.success(
        "*"
            + Markup.text(program.getName())
            + "* is now "
            + program.getStatus().label()
            + "."
            + review,
        List.of());
  }

  private static List<Reply.Field> show(Store store, Program program) {
    List<Reply.Field> fields = new ArrayList<>(ProgramMessages.describe(program));
    List<Participant> people = Participants.in(store).inProgram(program.getId());
    long mentors =
        people.stream()
            .filter(p -> p.getRole() == Role.MENTOR && p.getStatus() == ParticipantStatus.ACTIVE)
            .count();
    long mentees =
        people.stream()
            .filter(p -> p.getRole() == Role.MENTEE && p.getStatus() == ParticipantStatus.ACTIVE)
            .count();
    long waiting =
        people.stream().filter(p -> p.getStatus() == ParticipantStatus.WAITLISTED).count();
    int pairs = Pairs.in(store).inProgram(program.getId(), Pair.Status.ACTIVE).size();
    fields.add(new Reply.Field("Status", program.getStatus().label()));
    fields.add(new Reply.Field("People", mentors + " mentors, " + mentees + " mentees"));
    fields.add(new Reply.Field("Waitlist", Long.toString(waiting)));
    fields.add(new Reply.Field("Pairs", Integer.toString(pairs)));
    return fields;
  }
}
