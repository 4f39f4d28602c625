package io.tandem.core.reports;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.programs.Programs;
import io.tandem.core.reports.ProgramReport.Period;
import io.tandem.core.reports.persistence.ReportQueries;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveySettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes {@link ProgramReport}s: for {@code report} in chat (admins only), {@code tandem report},
 * and the dashboard. Each report is one read-only transaction of a dozen indexed aggregate queries
 * ({@link ReportQueries}); nothing is written. Thread-safe.
 */
public final class Reports {

  /** The example every period problem points to. */
  public static final String PERIOD_EXAMPLE = ReportPeriods.PERIOD_EXAMPLE;

  private static final String EXAMPLE = "report Data pilot";

  private final Database db;
  private final java.time.Clock clock;
  private final AssembleReport assembler;

  public Reports(Database db, java.time.Clock clock, SurveySettings surveys) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.assembler = new AssembleReport(Objects.requireNonNull(surveys, "surveys"));
  }

  Database database() {
    return db;
  }

  java.time.Clock clock() {
    return clock;
  }

  /**
   * The report of the program an operator names.
   *
   * @param period {@code null} for the program's whole life so far
   * @throws ProgramLookup.NotFound when the target names no program
   */
  public ProgramReport compute(ProgramLookup.Target target, Period period) {
    return compute(target, period, null);
  }

  /**
   * The report of the program an operator names, read as of an instant.
   *
   * @param period {@code null} for the program's whole life up to the as-of
   * @param asOf {@code null} for now (or the end of the program's data, when that lies ahead)
   * @throws ProgramLookup.NotFound when the target names no program
   * @throws AsOfOutOfRange when the as-of lies before the period or the program
   */
  public ProgramReport compute(ProgramLookup.Target target, Period period, Instant asOf) {
    return db.readsFirst(
        store -> {
          ProgramLookup.Found found = ProgramLookup.find(store, target);
          return compute(store, found.workspace(), found.program(), period, asOf);
        });
  }

  /**
   * The instant a report of the target is read at when no as-of is asked for: now, or just after
   * the program's last activity when that lies ahead. A trailing period ({@code 90d}) counts back
   * from it, so it covers the same days as the report it belongs to.
   *
   * @throws ProgramLookup.NotFound when the target names no program
   */
  public Instant defaultAsOf(ProgramLookup.Target target) {
    return db.readsFirst(store -> defaultAsOf(store, ProgramLookup.find(store, target).program()));
  }

  /** {@link #defaultAsOf(ProgramLookup.Target)} of a program by id; empty when there is none. */
  public Optional<Instant> defaultAsOf(long programId) {
    return db.readsFirst(
        store -> Programs.in(store).byId(programId).map(program -> defaultAsOf(store, program)));
  }

  private Instant defaultAsOf(Store store, Program program) {
    Instant dataEnd =
        ReportQueries.in(store).lastActivity(program.getId(), program.getWorkspaceId());
    return ReportPeriods.window(clock.instant(), program, null, null, dataEnd).asOf();
  }

  /** The report of one program by id; empty when there is no such program. */
  public Optional<ProgramReport> compute(long programId, Period period) {
    return compute(programId, period, null);
  }

  /**
   * The report of one program by id as of an instant ({@code null}: now); empty when there is no
   * such program.
   */
  public Optional<ProgramReport> compute(long programId, Period period, Instant asOf) {
    return db.readsFirst(
        store ->
            Programs.in(store)
                .byId(programId)
                .flatMap(
                    p ->
                        Workspaces.in(store)
                            .byId(p.getWorkspaceId())
                            .map(w -> compute(store, w, p, period, asOf))));
  }

  /**
   * {@code report [program]} in chat: headline numbers and the pairs needing attention; {@code
   * report [program] final}: the program's story on one page ({@link ProgramStory}).
   */
  public Reply report(Actor actor, String text) {
    Optional<String> story = ProgramStory.asked(text);
    String programName = story.isEmpty() ? text : story.get().isEmpty() ? null : story.get();
    return AdminRights.only(
        db,
        actor,
        programName,
        EXAMPLE,
        () ->
            db.readsFirst(
                store -> {
                  Optional<Workspace> workspace =
                      Workspaces.in(store).find(actor.platform(), actor.workspaceId());
                  Optional<Program> program =
                      workspace.flatMap(w -> ProgramLookup.inChat(store, actor, programName));
                  if (program.isEmpty()) {
                    return noProgram(store, workspace, programName);
                  }
                  ProgramReport report = compute(store, workspace.get(), program.get(), null, null);
                  if (story.isPresent()) {
                    return ProgramStory.reply(
                        report,
                        "*The story of "
                            + Markup.text(report.program().name())
                            + "* ("
                            + ReportText.window(report)
                            + "):");
                  }
                  queueCharts(store, actor, workspace.get(), report);
                  return ReportText.reply(report);
                }));
  }

  /**
   * Sends the report's charts to the admin as a direct message through the outbox (a command's
   * answer cannot carry images on either platform). One message per admin, program and minute, so a
   * double click sends them once.
   */
  private void queueCharts(Store store, Actor actor, Workspace workspace, ProgramReport report) {
    Instant now = clock.instant();
    List<ChartAttachment> charts = new ArrayList<>();
    String[] names = {"funnel", "engagement", "retention"};
    List<io.tandem.core.reports.chart.Chart> specs = ReportCharts.of(report);
    for (int i = 0; i < specs.size(); i++) {
      charts.add(
          new ChartAttachment(
              "report-" + report.program().id() + "-" + names[i] + ".png", specs.get(i)));
    }
    Outbox.queue(
        store,
        workspace.getId(),
        actor.platform(),
        "report-charts:"
            + report.program().id()
            + ":"
            + actor.userId()
            + ":"
            + now.truncatedTo(ChronoUnit.MINUTES).toEpochMilli(),
        new ChatTarget.DirectMessage(actor.userId()),
        Reply.info(
            "Charts for the report on *"
                + Markup.text(report.program().name())
                + "* ("
                + ReportText.window(report)
                + "): the funnel, engagement per week and retention.",
            List.of()),
        charts,
        now,
        now);
  }

  /** Parses a period; see {@link ReportPeriods#parsePeriod}. */
  public static Period parsePeriod(String text, Instant now) {
    return ReportPeriods.parsePeriod(text, now);
  }

  /** The example every as-of problem points to. */
  public static final String AS_OF_EXAMPLE = ReportPeriods.AS_OF_EXAMPLE;

  /** Parses an as-of instant; see {@link ReportPeriods#parseAsOf}. */
  public static Instant parseAsOf(String text) {
    return ReportPeriods.parseAsOf(text);
  }

  private ProgramReport compute(
      Store store, Workspace workspace, Program program, Period wanted, Instant wantedAsOf) {
    Instant dataEnd = ReportQueries.in(store).lastActivity(program.getId(), workspace.getId());
    ReportPeriods.Window window =
        ReportPeriods.window(clock.instant(), program, wanted, wantedAsOf, dataEnd);
    return assembler.assemble(store, workspace, program, window.period(), window.asOf());
  }

  /** An as-of before the period (or the program) starts; the message is for people. */
  public static final class AsOfOutOfRange extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    AsOfOutOfRange(String message) {
      super(message);
    }
  }

  private static Reply noProgram(Store store, Optional<Workspace> workspace, String name) {
    List<String> names =
        workspace.map(w -> Programs.in(store).inWorkspace(w.getId())).orElse(List.of()).stream()
            .map(Program::getName)
            .toList();
    String known =
        names.isEmpty()
            ? " There are no programs yet."
            : " Programs here: " + String.join(", ", names) + ".";
    return Reply.error(
        (name == null || name.isBlank()
                ? "Name the program to report on; there is more than one."
                : "There is no program called *" + name.strip() + "* here.")
            + known,
        names.isEmpty() ? EXAMPLE : "report " + names.get(0));
  }
}
