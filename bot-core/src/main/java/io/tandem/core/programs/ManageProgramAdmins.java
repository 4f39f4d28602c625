package io.tandem.core.programs;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Admins;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code program admins add|remove|list}: workspace admins give one program's admin right to
 * someone (the HR or L&amp;D lead who runs it) and take it back; the program's admins can see who
 * else has it. Each grant and removal is a signal, and the person is told privately.
 */
public final class ManageProgramAdmins {

  private final Database db;
  private final Clock clock;

  public ManageProgramAdmins(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply add(Actor actor, ProgramAdminCommand.Add command) {
    return byWorkspaceAdmin(
        actor,
        command,
        ProgramAdminGrammar.ADD_EXAMPLE,
        (store, w, p) -> grant(store, actor, w, p, command.userId()));
  }

  public Reply remove(Actor actor, ProgramAdminCommand.Remove command) {
    return byWorkspaceAdmin(
        actor,
        command,
        ProgramAdminGrammar.REMOVE_EXAMPLE,
        (store, w, p) -> revoke(store, actor, w, p, command.userId()));
  }

  public Reply list(Actor actor, ProgramAdminCommand.ListAdmins command) {
    String example = ProgramAdminGrammar.LIST_EXAMPLE;
    return AdminRights.only(
        db,
        actor,
        command.program(),
        example,
        () -> inProgram(actor, command, example, (store, w, p) -> list(store, p)));
  }

  /** What a command does to the program it names, in the command's transaction. */
  private interface ProgramWork {
    Reply run(Store store, Workspace workspace, Program program);
  }

  /** Granting and taking away is for workspace admins only. */
  private Reply byWorkspaceAdmin(
      Actor actor, ProgramAdminCommand command, String example, ProgramWork work) {
    return Admins.only(actor, example, () -> inProgram(actor, command, example, work));
  }

  private Reply inProgram(
      Actor actor, ProgramAdminCommand command, String example, ProgramWork work) {
    return db.transaction(store -> withProgram(store, actor, command.program(), example, work));
  }

  private static Reply withProgram(
      Store store, Actor actor, String name, String example, ProgramWork work) {
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    Optional<Program> program = ProgramLookup.inChat(store, actor, name);
    if (workspace.isEmpty() || program.isEmpty()) {
      return Reply.error(
          name == null || name.isBlank()
              ? "There is no program here yet; name one, or create it first."
              : "There is no program called *" + Markup.text(name) + "* here.",
          example);
    }
    return work.run(store, workspace.get(), program.get());
  }

  private Reply grant(
      Store store, Actor actor, Workspace workspace, Program program, String userId) {
    String name = "*" + Markup.text(program.getName()) + "*";
    ProgramAdmins admins = ProgramAdmins.in(store);
    if (admins.find(program.getId(), userId).isPresent()) {
      return Reply.info(
          Markup.mention(userId) + " is already an admin of " + name + ".", List.of());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    admins.add(new ProgramAdmin(workspace.getId(), program.getId(), userId, actor.userId(), now));
    record(store, SignalType.PROGRAM_ADMIN_ADDED, program, actor, userId, now);
    tell(store, workspace, program, userId, welcome(actor, program), "granted", now);
    return Reply.success(
        Markup.mention(userId)
            + " is now an admin of "
            + name
            + ": they run its matching, surveys, reports, nudges and status changes, and were"
            + " told so privately.",
        List.of());
  }

  private Reply revoke(
      Store store, Actor actor, Workspace workspace, Program program, String userId) {
    String name = "*" + Markup.text(program.getName()) + "*";
    if (!ProgramAdmins.in(store).remove(program.getId(), userId)) {
      return Reply.error(
          Markup.mention(userId)
              + " is not an admin of "
              + name
              + ", so there is nothing to remove.",
          "program admins list " + program.getName());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    record(store, SignalType.PROGRAM_ADMIN_REMOVED, program, actor, userId, now);
    tell(
        store,
        workspace,
        program,
        userId,
        Reply.info(
            Markup.mention(actor.userId())
                + " removed your admin right for "
                + name
                + ". You still take part in any program you joined.",
            List.of()),
        "removed",
        now);
    return Reply.success(
        Markup.mention(userId) + " is no longer an admin of " + name + "; they were told.",
        List.of());
  }

  private static Reply list(Store store, Program program) {
    List<ProgramAdmin> admins = ProgramAdmins.in(store).of(program.getId());
    String name = "*" + Markup.text(program.getName()) + "*";
    if (admins.isEmpty()) {
      return Reply.info(
          name
              + " has no program admins of its own; workspace admins run it. Add one with `"
              + Markup.command("program admins add @person " + program.getName())
              + "`.",
          List.of());
    }
    return Reply.info(
        "Admins of " + name + " (workspace admins run every program too):",
        admins.stream()
            .map(
                a ->
                    new Reply.Field(
                        Markup.mention(a.userId()),
                        "added by "
                            + Markup.mention(a.grantedBy())
                            + " on "
                            + a.grantedAt().toString().substring(0, 10)))
            .toList());
  }

  private static Reply welcome(Actor actor, Program program) {
    String name = program.getName();
    String discord =
        actor.platform() == Platform.DISCORD
            ? " On Discord the admin commands are under `/tandem-admin`; if Discord does not offer"
                + " it to you, ask a server admin to allow you in Server Settings → Integrations →"
                + " Tandem."
            : "";
    return Reply.info(
        Markup.mention(actor.userId())
            + " made you an admin of *"
            + Markup.text(name)
            + "*. For this program you can now preview, swap and approve matches (`"
            + Markup.command("match preview " + name)
            + "`), send pulse surveys, read its report (`"
            + Markup.command("report " + name)
            + "`), nudge its pairs, change its status and see its admins. `"
            + Markup.command("help")
            + "` lists every command you may use."
            + discord,
        List.of());
  }

  private static void record(
      Store store, SignalType type, Program program, Actor actor, String userId, Instant now) {
    Signals.in(store)
        .record(
            Signal.aboutProgram(
                type,
                program.getWorkspaceId(),
                program.getId(),
                Map.of(
                    "admin", MentionedUsers.plainMention(userId),
                    "by", MentionedUsers.plainMention(actor.userId())),
                now));
  }

  private static void tell(
      Store store,
      Workspace workspace,
      Program program,
      String userId,
      Reply message,
      String what,
      Instant now) {
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "program-admin:" + what + ":" + program.getId() + ":" + userId + ":" + now.toEpochMilli(),
        new ChatTarget.DirectMessage(userId),
        message,
        now,
        now);
  }
}
