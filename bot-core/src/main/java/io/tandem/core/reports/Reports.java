package io.tandem.core.reports;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.Admins;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.reports.ProgramReport.Bucket;
import io.tandem.core.reports.ProgramReport.Funnel;
import io.tandem.core.reports.ProgramReport.Group;
import io.tandem.core.reports.ProgramReport.Health;
import io.tandem.core.reports.ProgramReport.Mix;
import io.tandem.core.reports.ProgramReport.MixGroup;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.reports.ProgramReport.Period;
import io.tandem.core.reports.ProgramReport.ProgramRef;
import io.tandem.core.reports.ProgramReport.Retention;
import io.tandem.core.reports.ProgramReport.RetentionSource;
import io.tandem.core.reports.ProgramReport.ScoreParts;
import io.tandem.core.reports.ProgramReport.Week;
import io.tandem.core.reports.persistence.ReportQueries;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveyTrends;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes {@link ProgramReport}s: for {@code report} in chat (admins only), {@code tandem report},
 * and the dashboard. Each report is one read-only transaction of a dozen indexed aggregate queries
 * ({@link ReportQueries}); nothing is written. Thread-safe.
 */
public final class Reports {

  static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  private static final Pattern RANGE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern LAST = Pattern.compile("(\\d{1,4})([dw])");

  /** The example every period problem points to. */
  public static final String PERIOD_EXAMPLE = "2026-01-01..2026-03-31";

  private static final String EXAMPLE = "report Data pilot";

  private final Database db;
  private final java.time.Clock clock;
  private final SurveySettings surveys;

  public Reports(Database db, java.time.Clock clock, SurveySettings surveys) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.surveys = Objects.requireNonNull(surveys, "surveys");
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
    return db.inTransaction(
        em -> {
          ProgramLookup.Found found = ProgramLookup.find(new Store(em), target);
          return compute(em, found.workspace(), found.program(), period, asOf);
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
    return db.inTransaction(
        em -> {
          ProgramLookup.Found found = ProgramLookup.find(new Store(em), target);
          return defaultAsOf(em, found.program());
        });
  }

  /** {@link #defaultAsOf(ProgramLookup.Target)} of a program by id; empty when there is none. */
  public Optional<Instant> defaultAsOf(long programId) {
    return db.inTransaction(
        em -> new Store(em).program(programId).map(program -> defaultAsOf(em, program)));
  }

  private Instant defaultAsOf(EntityManager em, Program program) {
    try {
      Instant dataEnd =
          new ReportQueries(em.unwrap(Connection.class))
              .lastActivity(program.getId(), program.getWorkspaceId());
      return window(program, null, null, dataEnd).asOf();
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the report: " + e.getMessage(), e);
    }
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
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          return store
              .program(programId)
              .flatMap(
                  p ->
                      store
                          .workspaceById(p.getWorkspaceId())
                          .map(w -> compute(em, w, p, period, asOf)));
        });
  }

  /** {@code report [program]} in chat: headline numbers and the pairs needing attention. */
  public Reply report(Actor actor, String programName) {
    return Admins.only(
        actor,
        EXAMPLE,
        () ->
            db.inTransaction(
                em -> {
                  Store store = new Store(em);
                  Optional<Workspace> workspace =
                      store.workspace(actor.platform(), actor.workspaceId());
                  Optional<Program> program =
                      workspace.flatMap(w -> program(store, w, programName));
                  if (program.isEmpty()) {
                    return noProgram(store, workspace, programName);
                  }
                  ProgramReport report = compute(em, workspace.get(), program.get(), null, null);
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

  /**
   * Parses a period: {@code 2026-01-01..2026-03-31} (both days included, UTC) or the last {@code
   * 90d} / {@code 12w} before {@code now}.
   *
   * @throws IllegalArgumentException with a message for people
   */
  public static Period parsePeriod(String text, Instant now) {
    String t = text == null ? "" : text.strip();
    Matcher range = RANGE.matcher(t);
    if (range.matches()) {
      LocalDate from;
      LocalDate to;
      try {
        from = LocalDate.parse(range.group(1));
        to = LocalDate.parse(range.group(2));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            "`" + t + "` has a day that does not exist; write " + PERIOD_EXAMPLE);
      }
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "`" + t + "` ends before it starts; write the first day first, e.g. " + PERIOD_EXAMPLE);
      }
      return new Period(
          from.atStartOfDay(ZoneOffset.UTC).toInstant(),
          to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    Matcher last = LAST.matcher(t.toLowerCase(java.util.Locale.ROOT));
    if (last.matches() && Integer.parseInt(last.group(1)) > 0) {
      long days = Long.parseLong(last.group(1)) * ("w".equals(last.group(2)) ? 7 : 1);
      return new Period(now.minus(Duration.ofDays(days)), now);
    }
    throw new IllegalArgumentException(
        "`"
            + t
            + "` is not a period; write FIRST..LAST days like "
            + PERIOD_EXAMPLE
            + ", or the last 90d or 12w");
  }

  /** The example every as-of problem points to. */
  public static final String AS_OF_EXAMPLE = "2026-03-31T17:00:00Z";

  /**
   * Parses an as-of instant: as every report shows it ({@code 2026-03-31 17:00:00 UTC}), ISO-8601
   * ({@code 2026-03-31T17:00:00Z}), or a day ({@code 2026-03-31}: the end of that day, UTC).
   *
   * @throws IllegalArgumentException with a message for people
   */
  public static Instant parseAsOf(String text) {
    String t = text == null ? "" : text.strip();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (t.endsWith(" UTC")) {
        return Instant.parse(t.substring(0, t.length() - 4).strip().replace(' ', 'T') + "Z");
      }
      return Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "`"
              + t
              + "` is not an instant; write it as "
              + AS_OF_EXAMPLE
              + " (UTC), or a day such as 2026-03-31 for the end of that day");
    }
  }

  private ProgramReport compute(
      EntityManager em, Workspace workspace, Program program, Period wanted, Instant wantedAsOf) {
    try {
      ReportQueries q = new ReportQueries(em.unwrap(Connection.class));
      Window window =
          window(program, wanted, wantedAsOf, q.lastActivity(program.getId(), workspace.getId()));
      return build(em, q, workspace, program, window.period(), window.asOf());
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the report: " + e.getMessage(), e);
    }
  }

  /** An as-of before the period (or the program) starts; the message is for people. */
  public static final class AsOfOutOfRange extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    AsOfOutOfRange(String message) {
      super(message);
    }
  }

  /** The period reported and the instant its numbers are read at. */
  record Window(Period period, Instant asOf) {}

  /**
   * Chooses the period and the as-of instant. The as-of is the one asked for, or else now (to the
   * next whole second) — unless the program's data lies after now (a database from the demo, whose
   * clock ran ahead), then just after its last activity. It never lies after the period's end: a
   * past period is read as it stood at its end. The default period runs from the day the program
   * was created to the as-of.
   */
  Window window(Program program, Period wanted, Instant wantedAsOf, Instant dataEnd) {
    Instant live = wholeSecondAfter(clock.instant());
    if (dataEnd != null && dataEnd.isAfter(live)) {
      live = wholeSecondAfter(dataEnd);
    }
    Instant asOf = wantedAsOf != null ? wantedAsOf : live;
    Instant created = program.getCreatedAt();
    Period period = wanted;
    if (period == null) {
      Instant from = created.truncatedTo(ChronoUnit.DAYS);
      if (!asOf.isAfter(from)) {
        throw new AsOfOutOfRange(
            "as of "
                + ReportText.instant(asOf)
                + " the program \""
                + program.getName()
                + "\" did not exist yet; it was created "
                + ReportText.instant(created));
      }
      period = new Period(from, asOf);
    }
    if (asOf.isAfter(period.to())) {
      asOf = period.to();
    }
    if (!asOf.isAfter(period.from())) {
      throw new AsOfOutOfRange(
          "as of "
              + ReportText.instant(asOf)
              + " the period had not started yet; choose an as-of after "
              + ReportText.instant(period.from()));
    }
    return new Window(period, asOf);
  }

  /** The instant rounded up to a whole second, so that what is shown is what was counted. */
  static Instant wholeSecondAfter(Instant at) {
    Instant second = at.truncatedTo(ChronoUnit.SECONDS);
    return second.equals(at) ? at : second.plusSeconds(1);
  }

  private ProgramReport build(
      EntityManager em,
      ReportQueries q,
      Workspace workspace,
      Program program,
      Period period,
      Instant asOf)
      throws SQLException {
    long id = program.getId();
    Instant from = period.from();
    Instant end = asOf;
    long round = Math.max(1, program.getCadenceDays()) * DAY_MILLIS;
    Instant reach = end.minusMillis(PairRounds.activityReach() * round);

    List<ReportQueries.PairInfo> pairs = q.pairs(id, from, end);
    Map<Long, ReportQueries.PairSessions> sessions = q.sessionsByPair(id, from, end);
    Map<Long, PairRounds.Activity> activity = q.activityByRound(id, reach, end, round);
    Map<Long, Map<Long, Long>> answers = q.surveyAnswersByMember(id, reach, end);

    List<PairRow> rows = new ArrayList<>(pairs.size());
    Set<Long> matched = new HashSet<>();
    Set<Long> met = new HashSet<>();
    Set<Long> regular = new HashSet<>();
    Map<Bucket, Long> buckets = new EnumMap<>(Bucket.class);
    for (Bucket b : Bucket.values()) {
      buckets.put(b, 0L);
    }
    long activePairs = 0;
    long sessionCount = 0;
    long minutes = 0;
    for (ReportQueries.PairInfo pair : pairs) {
      ReportQueries.PairSessions s =
          sessions.getOrDefault(pair.id(), ReportQueries.PairSessions.NONE);
      PairRounds.Activity a = activity.getOrDefault(pair.id(), PairRounds.Activity.empty());
      long made = pair.created().toEpochMilli();
      for (long member : List.of(pair.mentorMember(), pair.menteeMember())) {
        answers
            .getOrDefault(member, Map.of())
            .forEach(
                (at, n) -> {
                  if (at >= made) {
                    a.surveyAnswers().merge((at - made) / round, n, Long::sum);
                  }
                });
      }
      Instant lifeEnd = pair.ended() != null && pair.ended().isBefore(end) ? pair.ended() : end;
      PairRounds rounds = PairRounds.of(made, lifeEnd.toEpochMilli(), round, a);
      ScoreParts parts = EngagementScore.parts(rounds);
      int score = EngagementScore.score(parts);
      Bucket bucket = EngagementScore.bucket(score, parts, rounds);
      // a pair that ended after the as-of was still active then
      boolean live =
          pair.ended() == null ? "ACTIVE".equals(pair.status()) : !pair.ended().isBefore(end);
      if (live) {
        buckets.merge(bucket, 1L, Long::sum);
        if (rounds.metLately()) {
          activePairs++;
        }
      }
      matched.add(pair.mentorId());
      matched.add(pair.menteeId());
      if (s.total() > 0) {
        met.add(pair.mentorId());
        met.add(pair.menteeId());
      }
      if (rounds.meetingRegularly(s.total())) {
        regular.add(pair.mentorId());
        regular.add(pair.menteeId());
      }
      sessionCount += s.inPeriod();
      minutes += s.minutesInPeriod();
      rows.add(
          new PairRow(
              pair.id(),
              pair.mentor(),
              pair.mentee(),
              live ? "active" : "ended",
              score,
              parts,
              bucket,
              pair.created(),
              s.last(),
              s.inPeriod(),
              s.minutesInPeriod() / 60.0,
              rounds.met(),
              rounds.counted()));
    }
    rows.sort(Comparator.comparingInt(PairRow::score).thenComparingLong(PairRow::pairId));

    Funnel funnel = new Funnel(q.enrolled(id, end), matched.size(), met.size(), regular.size());

    Instant origin =
        LocalDate.ofInstant(from, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    ReportQueries.WeeklySignals signals = q.signalsByWeek(id, origin, from, end);
    Map<Long, long[]> weeklySessions = q.sessionsByWeek(id, origin, from, end);
    List<Week> weeks = new ArrayList<>();
    long lastWeek = (end.toEpochMilli() - 1 - origin.toEpochMilli()) / ReportQueries.WEEK_MILLIS;
    for (long w = 0; w <= lastWeek; w++) {
      long[] ws = weeklySessions.getOrDefault(w, new long[2]);
      Instant weekStart = origin.plusMillis(w * ReportQueries.WEEK_MILLIS);
      Instant weekEnd = weekStart.plusMillis(ReportQueries.WEEK_MILLIS);
      weeks.add(
          new Week(
              LocalDate.ofInstant(weekStart, ZoneOffset.UTC),
              ws[0],
              ws[1],
              signals.perWeek().getOrDefault(w, 0L),
              weekStart.isBefore(from) || weekEnd.isAfter(end)));
    }

    long[] goals = q.goals(id, from, end);
    long[] skills = q.skillChange(id, end);
    Health health =
        new Health(
            pairs.size(),
            activePairs,
            sessionCount,
            pairs.isEmpty() ? 0 : (double) sessionCount / pairs.size(),
            minutes / 60.0,
            goals[0],
            goals[1],
            skills[0] == 0 ? null : (double) skills[1] / skills[0],
            skills[0],
            buckets,
            signals.perType().getOrDefault("REMINDER_SENT", 0L),
            signals.perType().getOrDefault("NUDGE_SENT", 0L),
            signals.perType().getOrDefault("PAIR_ESCALATED", 0L),
            q.deadMessages(workspace.getId(), end));

    Period read = new Period(from, end);
    return new ProgramReport(
        new ProgramRef(
            id,
            program.getName(),
            workspace.getExternalId(),
            ProgramReport.lower(program.getStatus()),
            program.getCadenceDays()),
        period,
        asOf,
        funnel,
        health,
        rows,
        weeks,
        SurveyTrends.read(new Store(em), id, from, end, surveys),
        retention(q, workspace.getId(), id, read),
        List.of(
            mix(q, id, "department", "department", read),
            mix(q, id, "seniority_band", "seniority band", read),
            mix(q, id, "communication", "communication", read)));
  }

  private static Retention retention(ReportQueries q, long workspaceId, long programId, Period p)
      throws SQLException {
    long[] counts;
    RetentionSource source;
    if (q.rosterSize(workspaceId) > 0) {
      source = RetentionSource.ROSTER;
      counts =
          q.rosterRetention(
              workspaceId,
              programId,
              LocalDate.ofInstant(p.from(), ZoneOffset.UTC).toString(),
              LocalDate.ofInstant(p.to().minusMillis(1), ZoneOffset.UTC).toString());
    } else {
      source = RetentionSource.PROXY_LEFT_WORKSPACE;
      counts = q.memberRetention(workspaceId, programId, p.from(), p.to());
    }
    return RetentionStats.compare(
        source, new Group(counts[0], counts[1]), new Group(counts[2], counts[3]));
  }

  private Mix mix(ReportQueries q, long programId, String column, String name, Period p)
      throws SQLException {
    Map<String, long[]> groups = q.mix(programId, column, p.from(), p.to());
    List<MixGroup> shown = new ArrayList<>();
    int suppressed = 0;
    for (Map.Entry<String, long[]> e : groups.entrySet()) {
      long people = e.getValue()[0] + e.getValue()[1];
      if (people < surveys.anonymityThreshold()) {
        suppressed++;
        continue;
      }
      String value = e.getKey().isEmpty() ? "not given" : display(column, e.getKey());
      shown.add(new MixGroup(value, e.getValue()[0], e.getValue()[1]));
    }
    shown.sort(
        Comparator.comparingLong(MixGroup::people).reversed().thenComparing(MixGroup::value));
    return new Mix(name, shown, suppressed);
  }

  private static String display(String column, String value) {
    if ("communication".equals(column)) {
      return value.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
    return value;
  }

  private static Optional<Program> program(Store store, Workspace workspace, String name) {
    if (name == null || name.isBlank()) {
      List<Program> live =
          store.programs(workspace.getId()).stream()
              .filter(
                  p ->
                      p.getStatus() == ProgramStatus.OPEN || p.getStatus() == ProgramStatus.RUNNING)
              .toList();
      return live.size() == 1 ? Optional.of(live.get(0)) : store.defaultProgram(workspace.getId());
    }
    return store.programNamed(workspace.getId(), name);
  }

  private static Reply noProgram(Store store, Optional<Workspace> workspace, String name) {
    List<String> names =
        workspace.map(w -> store.programs(w.getId())).orElse(List.of()).stream()
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
