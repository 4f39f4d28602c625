package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.Admins;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.learning.LearningPlan;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Admins' program commands: {@code program create|open|start|pause|close|show|list}. A program
 * moves draft → open (people join) → running (pairs meet) ⇄ paused → closed. Closing asks every
 * active participant who rated skills at enrolment to re-rate them ({@link
 * LearningPlan#askForReview}).
 */
public final class ManagePrograms {

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

  public ManagePrograms(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply create(Actor actor, Command.CreateProgram command) {
    return Admins.only(
        actor,
        "program list",
        () ->
            db.inTransactionRetryingConflicts(
                em -> {
                  Store store = new Store(em);
                  Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                  Workspace workspace =
                      store
                          .workspace(actor.platform(), actor.workspaceId())
                          .orElseGet(
                              () ->
                                  store.add(
                                      new Workspace(actor.platform(), actor.workspaceId(), now)));
                  if (store.programNamed(workspace.getId(), command.name()).isPresent()) {
                    return Reply.error(
                        "There already is a program called *"
                            + Markup.text(command.name())
                            + "*; pick another name.",
                        "program create " + Markup.text(command.name()) + " 2027");
                  }
                  Program program =
                      store.add(
                          new Program(
                              workspace.getId(),
                              command.name(),
                              command.cadenceDays(),
                              ProgramStatus.DRAFT,
                              false,
                              now));
                  program.configure(
                      command.durationWeeks(),
                      command.pilotCap(),
                      String.join(", ", command.skills()),
                      command.minSeniorityGap(),
                      command.repeatCooldownDays(),
                      command.weights());
                  signal(store, program, SignalType.PROGRAM_CREATED, now);
                  return Reply.success(
                      "Created *"
                          + Markup.text(program.getName())
                          + "* as a draft. Open it for people to join with `"
                          + Markup.command("program open " + program.getName())
                          + "`.",
                      describe(program));
                }));
  }

  public Reply change(Actor actor, Command.ChangeProgram command) {
    if (command.action() != Command.ProgramAction.SHOW) {
      Optional<Reply> refused = Admins.refuse(actor, "status");
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<Program> found =
              store
                  .workspace(actor.platform(), actor.workspaceId())
                  .flatMap(w -> store.programNamed(w.getId(), command.name()));
          if (found.isEmpty()) {
            return Reply.error(
                "There is no program called *" + Markup.text(command.name()) + "* here.",
                "program list");
          }
          Program program = found.get();
          if (command.action() == Command.ProgramAction.SHOW) {
            return Reply.info("*" + Markup.text(program.getName()) + "*", show(store, program));
          }
          String verb = command.action().name().toLowerCase(Locale.ROOT);
          if (!ALLOWED_FROM.get(command.action()).contains(program.getStatus())) {
            return Reply.error(
                "*"
                    + Markup.text(program.getName())
                    + "* is "
                    + label(program.getStatus())
                    + ", so it can't "
                    + verb
                    + ".",
                "program show " + Markup.text(program.getName()));
          }
          program.moveTo(TARGET.get(command.action()));
          Instant now = clock.instant();
          signal(store, program, SignalType.PROGRAM_CHANGED, now);
          String review = "";
          if (command.action() == Command.ProgramAction.CLOSE) {
            int asked = LearningPlan.askForReview(store, program, now);
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
                  + label(program.getStatus())
                  + "."
                  + review,
              List.of());
        });
  }

  public Reply list(Actor actor) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          List<Program> programs =
              store
                  .workspace(actor.platform(), actor.workspaceId())
                  .map(w -> store.programs(w.getId()))
                  .orElse(List.of());
          if (programs.isEmpty()) {
            return Reply.info(
                "No programs yet. Admins create one with `" + createExample() + "`.", List.of());
          }
          List<Reply.Field> fields = new ArrayList<>();
          for (Program p : programs) {
            long people = store.countParticipants(p.getId(), ParticipantStatus.ACTIVE);
            fields.add(
                new Reply.Field(
                    Markup.text(p.getName()), label(p.getStatus()) + ", " + people + " active"));
          }
          return Reply.info("Programs in this workspace:", fields);
        });
  }

  private static List<Reply.Field> show(Store store, Program program) {
    List<Reply.Field> fields = new ArrayList<>(describe(program));
    List<Participant> people = store.participants(program.getId());
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
    fields.add(new Reply.Field("Status", label(program.getStatus())));
    fields.add(new Reply.Field("People", mentors + " mentors, " + mentees + " mentees"));
    fields.add(new Reply.Field("Waitlist", Long.toString(waiting)));
    fields.add(
        new Reply.Field(
            "Pairs", Integer.toString(store.pairs(program.getId(), Pair.Status.ACTIVE).size())));
    return fields;
  }

  private static List<Reply.Field> describe(Program program) {
    return List.of(
        new Reply.Field("Cadence", "every " + program.getCadenceDays() + " days"),
        new Reply.Field("Duration", program.getDurationWeeks() + " weeks"),
        new Reply.Field(
            "Pilot cap", program.getPilotCap() == null ? "none" : program.getPilotCap().toString()),
        new Reply.Field(
            "Skills", program.getSkills().isBlank() ? "any" : Markup.text(program.getSkills())),
        new Reply.Field(
            "Matching",
            "mentor at least "
                + program.getMinSeniorityGap()
                + " band(s) below mentee; no repeat within "
                + program.getRepeatCooldownDays()
                + " days"
                + (program.getWeights().isBlank() ? "" : "; weights " + program.getWeights())));
  }

  public static String label(ProgramStatus status) {
    return switch (status) {
      case DRAFT -> "a draft";
      case OPEN -> "open for joining";
      case RUNNING -> "running";
      case PAUSED -> "paused";
      case CLOSED -> "closed";
    };
  }

  private static String createExample() {
    return "program create Data pilot every 2w cap 20";
  }

  private static void signal(Store store, Program program, SignalType type, Instant now) {
    store.add(
        new Signal(
            program.getWorkspaceId(),
            type,
            null,
            program.getId(),
            null,
            null,
            now,
            Json.object(Map.of("status", program.getStatus().name()))));
  }
}
