package io.tandem.core.programs;

import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who may administer which program. Workspace admins ({@link Actor#admin()}: the platform's admins
 * and the configured ones) administer every program of their workspace; a program admin ({@link
 * ProgramAdmin}, granted with {@code program admins add}) administers the programs they were given,
 * and only those. Workspace-level commands ({@code program create}, {@code forget @person}) keep
 * {@link io.tandem.core.kernel.Admins#only}; every command that acts on one program asks here.
 */
public final class AdminRights {

  /**
   * The command that grants the right, as a refusal shows it: {@code @you} stands for the person.
   */
  static final String GRANT = "program admins add @you ";

  private AdminRights() {}

  /**
   * Runs {@code work} when the actor may administer the program {@code programName} names (for a
   * program admin who names none: the one program they administer); everyone else gets a private
   * refusal that says who can grant the right, and nothing runs. Workspace admins run {@code work}
   * without a database read. Call it outside a transaction: it reads in one of its own, and {@code
   * work} opens its own as before. A name that matches no program is left to {@code work}, which
   * says so.
   *
   * @param example what the refusal shows as the right form
   */
  public static Reply only(
      Database db, Actor actor, String programName, String example, Supplier<Reply> work) {
    if (actor.admin()) {
      return work.get();
    }
    Optional<Reply> refused = db.readsFirst(store -> refuse(store, actor, programName, example));
    return refused.orElseGet(work);
  }

  /**
   * The refusal for an actor who may not administer the program {@code programName} names (or, with
   * no name, the one {@link ProgramLookup#inChat} picks); empty when they may. In the caller's
   * transaction.
   */
  public static Optional<Reply> refuse(
      Store store, Actor actor, String programName, String example) {
    if (actor.admin()) {
      return Optional.empty();
    }
    List<Program> mine = administered(store, actor);
    boolean named = programName != null && !programName.isBlank();
    if (!named && mine.size() > 1) {
      return Optional.of(
          Reply.error(
              "You are an admin of "
                  + names(mine)
                  + ": say which program, at the end of the command.",
              example));
    }
    Optional<Program> program = ProgramLookup.inChat(store, actor, programName);
    if (named && program.isEmpty()) {
      return mine.isEmpty() ? Optional.of(refusal(null, mine, example)) : Optional.empty();
    }
    if (program.isPresent() && mine.stream().anyMatch(p -> sameProgram(p, program.get()))) {
      return Optional.empty();
    }
    return Optional.of(refusal(program.orElse(null), mine, example));
  }

  /**
   * The refusal for an actor who may not act on a person ({@code nudge @person}): they must
   * administer a program the person takes part in. Empty when they may. In the caller's
   * transaction.
   */
  public static Optional<Reply> refuseForPerson(
      Store store, Actor actor, String userId, String example) {
    if (actor.admin()) {
      return Optional.empty();
    }
    List<Program> mine = administered(store, actor);
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    List<Long> theirs =
        workspace.flatMap(w -> Members.in(store).find(w.getId(), userId)).stream()
            .flatMap(m -> Participants.in(store).ofMember(m.getId()).stream())
            .map(Participant::getProgramId)
            .toList();
    if (mine.stream().anyMatch(p -> theirs.contains(p.getId()))) {
      return Optional.empty();
    }
    return Optional.of(
        refusal(
            theirs.isEmpty() ? null : Programs.in(store).byId(theirs.get(0)).orElse(null),
            mine,
            example));
  }

  /**
   * Who hears about a program (help requests, escalations, the final report): the workspace's
   * admins who have used Tandem ({@link WorkspaceAdmins}) and the program's own admins, each once.
   * In the caller's transaction.
   */
  public static List<String> toTell(Store store, long workspaceId, long programId) {
    Set<String> all = new LinkedHashSet<>(WorkspaceAdmins.in(store).of(workspaceId));
    ProgramAdmins.in(store).of(programId).forEach(a -> all.add(a.userId()));
    return List.copyOf(all);
  }

  /** Whether the actor may administer {@code program}. In the caller's transaction. */
  public static boolean mayAdminister(Store store, Actor actor, Program program) {
    return actor.admin()
        || ProgramAdmins.in(store).find(program.getId(), actor.userId()).isPresent();
  }

  /**
   * Whether the actor administers anything: the workspace, or at least one program in it. In the
   * caller's transaction.
   */
  public static boolean isAnyAdmin(Store store, Actor actor) {
    return actor.admin() || !administered(store, actor).isEmpty();
  }

  /** The programs the actor was made an admin of in their workspace, oldest grant first. */
  public static List<Program> administered(Store store, Actor actor) {
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    if (workspace.isEmpty()) {
      return List.of();
    }
    Programs programs = Programs.in(store);
    return ProgramAdmins.in(store).programsOf(workspace.get().getId(), actor.userId()).stream()
        .map(programs::byId)
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * What a person reads who may not run an admin command: who can give them the right, never a
   * configuration key.
   *
   * @param program the program they asked about, or {@code null} when there is none to name
   * @param mine the programs they do administer
   */
  static Reply refusal(Program program, List<Program> mine, String example) {
    String name = program == null ? "PROGRAM" : program.getName();
    String who =
        program == null
            ? "Ask a workspace admin or the program's admin"
            : "Ask a workspace admin or an admin of *" + Markup.text(name) + "*";
    String grant = who + ": they can run `" + Markup.command(GRANT + name) + "`.";
    if (!mine.isEmpty() && program != null) {
      return Reply.error(
          "You are an admin of "
              + names(mine)
              + " only, not of *"
              + Markup.text(name)
              + "*. "
              + grant,
          example);
    }
    return Reply.error(
        "Only program admins can do that"
            + (program == null ? "" : " for *" + Markup.text(name) + "*")
            + ". "
            + grant,
        example);
  }

  private static boolean sameProgram(Program a, Program b) {
    return Objects.equals(a.getId(), b.getId());
  }

  private static String names(List<Program> programs) {
    return programs.stream()
        .map(p -> "*" + Markup.text(p.getName()) + "*")
        .collect(Collectors.joining(", "));
  }
}
