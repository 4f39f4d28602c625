package io.tandem.core.reports;

import io.tandem.core.command.Command;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.DashboardLinks;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code dashboard [program]}: hands an admin a private link to the web dashboard of their
 * workspace (all its programs, or the one named). The link is signed and short-lived; it is the
 * only way in.
 */
public final class OpenDashboard {

  static final String EXAMPLE = "dashboard Data pilot";

  /** When a link stops working: with the date, as a link may outlive the day it was asked on. */
  private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Database db;
  private final DashboardLinks links;

  public OpenDashboard(Database db, DashboardLinks links) {
    this.db = Objects.requireNonNull(db, "db");
    this.links = Objects.requireNonNull(links, "links");
  }

  public Reply open(Actor actor, Command.OpenDashboard command) {
    return AdminRights.only(
        db,
        actor,
        command.program(),
        EXAMPLE,
        () -> {
          Found found = db.readsFirst(store -> find(store, actor, command.program()));
          if (found.problem() != null) {
            return found.problem();
          }
          DashboardLinks.Link link =
              links.issue(
                  new DashboardLinks.Grant(
                      found.workspace().getId(),
                      actor.userId(),
                      found.program() == null ? null : found.program().getId()));
          ZoneId zone = zone(actor);
          String what =
              found.program() == null
                  ? "all programs here"
                  : "*" + Markup.text(found.program().getName()) + "*";
          return Reply.info(
              "Your dashboard for "
                  + what
                  + ", only for you: "
                  + Markup.link(link.url(), "open the dashboard")
                  + "\nThe link works until "
                  + EXPIRES.format(link.expires().atZone(zone))
                  + " ("
                  + zone.getId()
                  + "); ask again for a fresh one. Don't share it: whoever has it sees the"
                  + " program's data until then.",
              List.of());
        });
  }

  /** A program the dashboard can show. */
  public record ProgramChoice(long id, String name, String status) {}

  /**
   * The programs of a workspace (by its id in the database), by name; the dashboard's program
   * filter.
   */
  public List<ProgramChoice> programs(long workspaceId) {
    return db.readsFirst(
        store ->
            Programs.in(store).inWorkspace(workspaceId).stream()
                .map(
                    p ->
                        new ProgramChoice(
                            p.getId(),
                            p.getName(),
                            p.getStatus().name().toLowerCase(java.util.Locale.ROOT)))
                .toList());
  }

  /** One session of a pair: when, and how long. */
  public record Meeting(Instant at, int minutes) {}

  /**
   * A pair's history for the dashboard's drill-down: its sessions (oldest first) and its learning
   * plan's progress. Dates and lengths only: topics and notes stay with the pair.
   */
  public record PairHistory(
      List<Meeting> meetings, long goalsSet, long goalsDone, long tasksSet, long tasksDone) {
    public PairHistory {
      meetings = List.copyOf(meetings);
    }
  }

  /** The history of a pair of the program; empty pair ids of other programs read as no history. */
  public PairHistory pairHistory(long programId, long pairId) {
    return db.readsFirst(store -> PairHistories.in(store).of(programId, pairId));
  }

  private record Found(Workspace workspace, Program program, Reply problem) {}

  private static Found find(Store store, Actor actor, String programName) {
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    if (workspace.isEmpty() || Programs.in(store).inWorkspace(workspace.get().getId()).isEmpty()) {
      return new Found(
          null,
          null,
          Reply.error(
              "There is no program here yet, so the dashboard would be empty.",
              "program create Data pilot every 2w for 26w"));
    }
    if (programName == null && actor.admin()) {
      return new Found(workspace.get(), null, null);
    }
    if (programName == null) {
      // A program admin sees the program they administer, never the whole workspace.
      return new Found(
          workspace.get(), ProgramLookup.inChat(store, actor, null).orElseThrow(), null);
    }
    Optional<Program> program = Programs.in(store).named(workspace.get().getId(), programName);
    if (program.isEmpty()) {
      return new Found(
          null,
          null,
          Reply.error(
              "There is no program called *"
                  + programName
                  + "* here; the programs are "
                  + Programs.in(store).inWorkspace(workspace.get().getId()).stream()
                      .map(p -> "*" + Markup.text(p.getName()) + "*")
                      .collect(Collectors.joining(", "))
                  + ".",
              EXAMPLE));
    }
    return new Found(workspace.get(), program.get(), null);
  }

  private static ZoneId zone(Actor actor) {
    try {
      return actor.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(actor.timeZone());
    } catch (java.time.DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
