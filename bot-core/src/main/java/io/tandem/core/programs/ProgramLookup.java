package io.tandem.core.programs;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the program a command names. An admin's chat command ({@code match preview}, {@code survey
 * send}, …) names it in the admin's own workspace, or leaves it to the workspace's one live program
 * ({@link #inChat}). An operator command ({@code tandem import participants}, {@code tandem match})
 * names the workspace too, unless the database holds exactly one ({@link #find}).
 */
public final class ProgramLookup {

  /**
   * The program called {@code name} in the admin's workspace, ignoring case and surrounding blanks;
   * without a name, for a program admin who is no workspace admin the one program they administer,
   * else the only open or running program, else the default one.
   */
  public static Optional<Program> inChat(Store store, Actor actor, String name) {
    Programs programs = Programs.in(store);
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    if (name == null || name.isBlank()) {
      if (!actor.admin()) {
        List<Program> administered = AdminRights.administered(store, actor);
        if (administered.size() == 1) {
          return Optional.of(administered.get(0));
        }
      }
      List<Program> live =
          workspace.map(w -> programs.inWorkspace(w.getId())).orElse(List.of()).stream()
              .filter(
                  p ->
                      p.getStatus() == ProgramStatus.OPEN || p.getStatus() == ProgramStatus.RUNNING)
              .toList();
      return live.size() == 1
          ? Optional.of(live.get(0))
          : workspace.flatMap(w -> programs.defaultOf(w.getId()));
    }
    return workspace.flatMap(w -> programs.named(w.getId(), name.strip()));
  }

  /**
   * What the operator named.
   *
   * @param platform {@code null} to accept any platform
   * @param workspace the Slack team id or Discord guild id; {@code null} for the only workspace
   * @param program the program's name, ignoring case
   */
  public record Target(Platform platform, String workspace, String program) {
    public Target {
      if (program == null || program.isBlank()) {
        throw new IllegalArgumentException("name the program");
      }
      program = program.strip();
      workspace = workspace == null || workspace.isBlank() ? null : workspace.strip();
    }
  }

  /** The target does not name one program; the message says why, in one line for an operator. */
  public static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message);
    }
  }

  private ProgramLookup() {}

  /**
   * The workspace and program the target names.
   *
   * @throws NotFound when there is no such workspace or program, or the workspace is ambiguous
   */
  public static Found find(Store store, Target target) {
    Workspace workspace = workspace(store, target.platform(), target.workspace());
    Programs all = Programs.in(store);
    Optional<Program> program = all.named(workspace.getId(), target.program());
    if (program.isEmpty()) {
      List<Program> programs = all.inWorkspace(workspace.getId());
      throw new NotFound(
          "there is no program called \""
              + target.program()
              + "\" in "
              + describe(workspace)
              + (programs.isEmpty()
                  ? "; create one in chat with "
                      + programCommand(workspace.getPlatform(), "create", "NAME")
                  : "; its programs are: "
                      + programs.stream()
                          .map(p -> "\"" + Markup.text(p.getName()) + "\"")
                          .collect(Collectors.joining(", "))));
    }
    return new Found(workspace, program.get());
  }

  /** Like {@link #find}, and the program must be taking participants (open or running). */
  public static Found findAccepting(Store store, Target target) {
    Found found = find(store, target);
    ProgramStatus status = found.program().getStatus();
    if (status != ProgramStatus.OPEN && status != ProgramStatus.RUNNING) {
      throw new NotFound(
          "\""
              + Markup.text(found.program().getName())
              + "\" is "
              + status.name().toLowerCase(Locale.ROOT)
              + ", so it takes no participants; open it first with "
              + programCommand(
                  found.workspace().getPlatform(), "open", Markup.text(found.program().getName())));
    }
    return found;
  }

  /**
   * An admin's program command as it is typed on the workspace's platform: these messages reach a
   * terminal, not a chat, so they are spelt out here rather than rendered by an adapter.
   */
  static String programCommand(Platform platform, String verb, String name) {
    return platform == Platform.DISCORD
        ? "/tandem-admin program " + verb + " name:" + name
        : "/tandem program " + verb + " " + name;
  }

  /** A workspace and one of its programs. */
  public record Found(Workspace workspace, Program program) {}

  public static String describe(Workspace workspace) {
    return workspace.getPlatform().name().toLowerCase(Locale.ROOT)
        + " workspace "
        + workspace.getExternalId();
  }

  /**
   * The workspace an operator names: by platform and team/guild id, either of which may be {@code
   * null} when the database holds only one that fits.
   *
   * @throws NotFound when none fits, or several do
   */
  public static Workspace workspace(Store store, Platform platform, String workspaceId) {
    Target target = new Target(platform, workspaceId, "-");
    List<Workspace> all = Workspaces.in(store).all();
    List<Workspace> candidates =
        all.stream()
            .filter(w -> target.platform() == null || w.getPlatform() == target.platform())
            .filter(w -> target.workspace() == null || w.getExternalId().equals(target.workspace()))
            .toList();
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    String known =
        all.isEmpty()
            ? "the database has no workspace yet. Start Tandem first (tandem run) and create and"
                + " open the program in chat (/tandem program create NAME, then /tandem program"
                + " open NAME): Tandem adds the workspace then"
            : "workspaces in the database: "
                + all.stream()
                    .map(
                        w ->
                            w.getPlatform().name().toLowerCase(Locale.ROOT)
                                + " "
                                + w.getExternalId())
                    .collect(Collectors.joining(", "));
    if (candidates.isEmpty()) {
      String wanted =
          (target.platform() == null ? "" : target.platform().name().toLowerCase(Locale.ROOT) + " ")
              + "workspace"
              + (target.workspace() == null ? "" : " " + target.workspace());
      throw new NotFound("there is no " + wanted + " here; " + known);
    }
    throw new NotFound(
        "the database has several workspaces; say which with --platform slack|discord and"
            + " --workspace TEAM_OR_GUILD_ID ("
            + known
            + ")");
  }
}
