package io.tandem.core.enrolment;

import io.tandem.core.command.Command;
import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Exclusion;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Enrolment: {@code /tandem join mentor|mentee [program]} opens the two-page profile form, and the
 * form's submissions store the participant. {@code /tandem profile} reopens it to edit, and {@code
 * /tandem exclude @person} records a private exclusion.
 *
 * <p>{@code join} itself writes nothing. The first page's submission creates whatever is missing
 * (workspace, member, the default program on first use) and the participant — on the waitlist when
 * the program's pilot cap is reached — with a {@link SignalType#PARTICIPANT_JOINED} signal and a
 * welcome DM in the outbox ({@code welcome:{participantId}}), all in one transaction. A page with a
 * bad answer writes nothing and comes back filled in, naming the problem.
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

  /** Whether a form id belongs to enrolment. */
  public static boolean handles(String formId) {
    return ProfileForms.FormId.parse(formId).isPresent();
  }

  public Reply join(Actor actor, Command.Join command) {
    Objects.requireNonNull(command, "command");
    return db.inTransaction(em -> join(new Store(em), actor, command));
  }

  private Reply join(Store store, Actor actor, Command.Join command) {
    Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
    Optional<Program> program;
    if (command.program() != null && !command.program().isBlank()) {
      program = workspace.flatMap(w -> store.programNamed(w.getId(), command.program().strip()));
      if (program.isEmpty()) {
        return unknownProgram(
            command, workspace.map(w -> store.programs(w.getId())).orElse(List.of()));
      }
    } else {
      program = workspace.flatMap(w -> store.defaultProgram(w.getId()));
    }
    if (program.isPresent() && !accepting(program.get())) {
      return Reply.error(
          "*"
              + Markup.text(program.get().getName())
              + "* is not taking new participants right now ("
              + program.get().getStatus().name().toLowerCase(Locale.ROOT)
              + ").",
          "join " + command.role().label());
    }
    Optional<Participant> already =
        program.flatMap(
            pr ->
                workspace
                    .flatMap(w -> store.member(w.getId(), actor.userId()))
                    .flatMap(m -> store.participant(pr.getId(), m.getId())));
    if (already.isPresent() && already.get().isProfileComplete()) {
      return alreadyJoined(program.get(), already.get(), command.role());
    }
    String programKey =
        program.map(pr -> pr.getId().toString()).orElse(ProfileForms.DEFAULT_PROGRAM);
    Role role = already.map(Participant::getRole).orElse(command.role());
    Map<String, String> values =
        already
            .map(p -> ProfileForms.aboutValues(p, actor.timeZone()))
            .orElseGet(() -> prefill(actor));
    return Reply.openForm(
        "Tell Tandem a little about yourself so it can find you the best "
            + counterpart(role)
            + ".",
        ProfileForms.about(programKey, role, values));
  }

  public Reply editProfile(Actor actor, Command.EditProfile command) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
          if (current.isEmpty()) {
            return Reply.error(
                "You haven't joined a program yet, so there is no profile to edit.", "join mentee");
          }
          Participant p = current.get().participant();
          return Reply.openForm(
              "Here is your profile.",
              ProfileForms.about(
                  p.getProgramId().toString(),
                  p.getRole(),
                  ProfileForms.aboutValues(p, actor.timeZone())));
        });
  }

  /** A page of the profile form came back. */
  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    ProfileForms.FormId form = ProfileForms.FormId.parse(formId).orElseThrow();
    // two first joins in a new workspace race to create it: the loser retries and finds it
    return db.inTransactionRetryingConflicts(
        em ->
            form.page().equals(ProfileForms.ABOUT)
                ? submitAbout(new Store(em), actor, form, values)
                : submitSkills(new Store(em), actor, form, values));
  }

  private Reply submitAbout(
      Store store, Actor actor, ProfileForms.FormId form, Map<String, String> values) {
    ProfileForms.Result<ProfileForms.About> read = ProfileForms.readAbout(values);
    if (read.problem() != null) {
      return Reply.formError(
          read.problem().inputId(),
          read.problem().message(),
          ProfileForms.about(form.program(), form.role(), values));
    }
    Instant now = now();
    Workspace workspace = workspace(store, actor, now);
    Member member = member(store, workspace, actor, now);
    Optional<Program> program =
        form.program().equals(ProfileForms.DEFAULT_PROGRAM)
            ? Optional.of(defaultProgram(store, workspace, now))
            : programOf(store, workspace, form.program());
    if (program.isEmpty() || !accepting(program.get())) {
      return Reply.error(
          "That program is no longer taking new participants.", "join " + form.role().label());
    }
    ProfileForms.About about = read.value();
    Participant participant = store.participant(program.get().getId(), member.getId()).orElse(null);
    boolean joining = participant == null;
    if (joining) {
      participant =
          store.add(
              new Participant(
                  workspace.getId(), program.get().getId(), member.getId(), form.role(), now));
      if (atCap(store, program.get())) {
        participant.waitlist();
      }
    }
    participant.describe(
        about.department(), about.band(), about.manager(), about.communication(), about.timeZone());
    if (joining) {
      signal(
          store,
          participant,
          member,
          SignalType.PARTICIPANT_JOINED,
          Map.of("role", form.role().label()),
          now);
      if (participant.getStatus() == ParticipantStatus.WAITLISTED) {
        signal(store, participant, member, SignalType.WAITLISTED, Map.of(), now);
      }
      store.queueOnce(
          new OutboxMessage(
              workspace.getId(),
              "welcome:" + participant.getId(),
              actor.platform(),
              actor.userId(),
              null,
              welcomePayload(member, program.get(), form.role()),
              now,
              now));
    }
    signal(store, participant, member, SignalType.PROFILE_UPDATED, Map.of("page", 1), now);
    Map<String, String> next =
        participant.isProfileComplete() ? ProfileForms.skillValues(participant) : Map.of();
    return Reply.openForm(
        "Thanks! One more page: your skills and when you're free.",
        ProfileForms.skills(
            program.get().getId().toString(), participant.getRole(), program.get(), next));
  }

  private Reply submitSkills(
      Store store, Actor actor, ProfileForms.FormId form, Map<String, String> values) {
    Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
    Optional<Program> program = workspace.flatMap(w -> programOf(store, w, form.program()));
    Optional<Member> member = workspace.flatMap(w -> store.member(w.getId(), actor.userId()));
    Optional<Participant> found =
        program.flatMap(pr -> member.flatMap(m -> store.participant(pr.getId(), m.getId())));
    if (found.isEmpty()) {
      return Reply.error(
          "Fill in the first page of your profile before this one.", "join " + form.role().label());
    }
    Participant participant = found.get();
    ProfileForms.Result<ProfileForms.Skills> read =
        ProfileForms.readSkills(participant.getRole(), values);
    if (read.problem() != null) {
      return Reply.formError(
          read.problem().inputId(),
          read.problem().message(),
          ProfileForms.skills(form.program(), participant.getRole(), program.get(), values));
    }
    boolean completing = !participant.isProfileComplete();
    ProfileForms.Skills skills = read.value();
    participant.describeSkills(
        skills.canTeach(), skills.wantsToLearn(), skills.availability(), skills.capacity());
    Instant now = now();
    signal(store, participant, member.get(), SignalType.PROFILE_UPDATED, Map.of("page", 2), now);
    if (completing) {
      signal(store, participant, member.get(), SignalType.PROFILE_COMPLETED, Map.of(), now);
    }
    return profileSaved(program.get(), participant, completing);
  }

  public Reply exclude(Actor actor, Command.Exclude command) {
    if (command.userId().equals(actor.userId())) {
      return Reply.error("You can't exclude yourself.", "exclude @person");
    }
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
          if (current.isEmpty()) {
            return Reply.error(
                "Join a program first; exclusions apply to matching.", "join mentee");
          }
          Member member = current.get().member();
          Instant now = now();
          if (store.addExclusion(
              new Exclusion(member.getWorkspaceId(), member.getId(), command.userId(), now))) {
            signal(
                store,
                current.get().participant(),
                member,
                SignalType.EXCLUSION_ADDED,
                Map.of(),
                now);
          }
          return Reply.success(
              "Noted. You won't be paired with that person, and nobody else will be told.",
              List.of());
        });
  }

  private static Reply profileSaved(Program program, Participant participant, boolean completing) {
    String text =
        completing
            ? "You're in *"
                + Markup.text(program.getName())
                + "* as a "
                + participant.getRole().label()
                + "!"
            : "Your profile is updated.";
    if (completing && participant.getStatus() == ParticipantStatus.WAITLISTED) {
      text +=
          " The pilot is full for now, so you're on the waitlist; you'll move up in the order people"
              + " joined.";
    } else if (completing) {
      text +=
          " I'll introduce you to your "
              + counterpart(participant.getRole())
              + " once an admin approves the pairs.";
    }
    return Reply.success(
        text,
        List.of(
            new Reply.Field("Program", Markup.text(program.getName())),
            new Reply.Field("Role", participant.getRole().label()),
            new Reply.Field("Can teach", orNone(participant.getCanTeach())),
            new Reply.Field("Wants to learn", orNone(participant.getWantsToLearn())),
            new Reply.Field("Free", Markup.text(participant.getAvailability()))));
  }

  private static String orNone(String text) {
    return text.isBlank() ? "–" : Markup.text(text);
  }

  private static boolean accepting(Program program) {
    return program.getStatus() == ProgramStatus.OPEN
        || program.getStatus() == ProgramStatus.RUNNING;
  }

  private static boolean atCap(Store store, Program program) {
    Integer cap = program.getPilotCap();
    return cap != null && store.countParticipants(program.getId(), ParticipantStatus.ACTIVE) > cap;
  }

  private static Map<String, String> prefill(Actor actor) {
    return actor.timeZone() == null ? Map.of() : Map.of("timezone", actor.timeZone());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Workspace workspace(Store store, Actor actor, Instant now) {
    return store
        .workspace(actor.platform(), actor.workspaceId())
        .orElseGet(() -> store.add(new Workspace(actor.platform(), actor.workspaceId(), now)));
  }

  private static Member member(Store store, Workspace workspace, Actor actor, Instant now) {
    Member member =
        store
            .member(workspace.getId(), actor.userId())
            .orElseGet(
                () ->
                    store.add(
                        new Member(
                            workspace.getId(),
                            actor.userId(),
                            actor.displayName(),
                            actor.timeZone(),
                            now)));
    member.refreshProfile(actor.displayName(), actor.timeZone(), actor.email(), now);
    return member;
  }

  private static Program defaultProgram(Store store, Workspace workspace, Instant now) {
    return store
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
  }

  private static Optional<Program> programOf(Store store, Workspace workspace, String key) {
    if (key.equals(ProfileForms.DEFAULT_PROGRAM)) {
      return store.defaultProgram(workspace.getId());
    }
    try {
      return store
          .program(Long.parseLong(key))
          .filter(p -> p.getWorkspaceId().equals(workspace.getId()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void signal(
      Store store,
      Participant participant,
      Member member,
      SignalType type,
      Map<String, ?> details,
      Instant now) {
    store.add(
        new Signal(
            participant.getWorkspaceId(),
            type,
            member.getId(),
            participant.getProgramId(),
            participant.getId(),
            null,
            now,
            Json.object(new LinkedHashMap<>(details))));
  }

  private static Reply unknownProgram(Command.Join command, List<Program> programs) {
    String role = command.role().label();
    if (programs.isEmpty()) {
      return Reply.error(
          "There is no program called *"
              + command.program().strip()
              + "* here yet. Leave the name out to join the default program.",
          "join " + role);
    }
    String known =
        programs.stream()
            .map(p -> "*" + Markup.text(p.getName()) + "*")
            .collect(Collectors.joining(", "));
    return Reply.error(
        "There is no program called *"
            + command.program().strip()
            + "* here. Programs you can join: "
            + known
            + ".",
        "join " + role + " " + programs.get(0).getName());
  }

  private static Reply alreadyJoined(Program program, Participant participant, Role asked) {
    String text =
        "You're already in *"
            + Markup.text(program.getName())
            + "* as a "
            + participant.getRole().label()
            + ".";
    if (participant.getRole() != asked) {
      text += " Ask a program admin if you want to switch to " + asked.label() + ".";
    }
    return Reply.info(
        text + " Use `" + Markup.command("profile") + "` to change your profile.", List.of());
  }

  /**
   * The welcome DM in the outbox payload format ({@link io.tandem.core.delivery.OutboxPayload});
   * CSV imports ({@link ImportParticipants}) send the same one.
   */
  static String welcomePayload(Member member, Program program, Role role) {
    String text =
        "Hi "
            + Markup.text(member.getDisplayName())
            + ", welcome to *"
            + Markup.text(program.getName())
            + "*! You joined as a "
            + role.label()
            + ". I'll introduce you to your "
            + counterpart(role)
            + " soon. Try `"
            + Markup.command("status")
            + "` any time.";
    return io.tandem.core.delivery.Outbox.payload(
        new io.tandem.core.port.out.ChatTarget.DirectMessage(member.getUserId()),
        Reply.info(
            text,
            List.of(
                new Reply.Field("Program", Markup.text(program.getName())),
                new Reply.Field("Role", role.label()))));
  }

  private static String counterpart(Role role) {
    return role == Role.MENTOR ? "mentee" : "mentor";
  }
}
