package io.tandem.core.reports;

import io.tandem.core.agreement.WorkingAgreements;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.programs.Program;
import io.tandem.core.pulse.CheckInSummary;
import io.tandem.core.pulse.PairCheckIns;
import io.tandem.core.reports.ProgramReport.Funnel;
import io.tandem.core.reports.ProgramReport.Group;
import io.tandem.core.reports.ProgramReport.Health;
import io.tandem.core.reports.ProgramReport.Mix;
import io.tandem.core.reports.ProgramReport.MixGroup;
import io.tandem.core.reports.ProgramReport.Period;
import io.tandem.core.reports.ProgramReport.ProgramRef;
import io.tandem.core.reports.ProgramReport.Retention;
import io.tandem.core.reports.ProgramReport.RetentionSource;
import io.tandem.core.reports.ProgramReport.Week;
import io.tandem.core.reports.persistence.PlanQueries;
import io.tandem.core.reports.persistence.PopulationQueries;
import io.tandem.core.reports.persistence.ReportQueries;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveySettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assembles one {@link ProgramReport} from the report's aggregate queries, in the caller's
 * read-only transaction: the pairs and their scores ({@link ReportPairs}), the weeks, the health
 * numbers, surveys, retention and the mix of people.
 */
final class AssembleReport {

  static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final SurveySettings surveys;

  AssembleReport(SurveySettings surveys) {
    this.surveys = surveys;
  }

  ProgramReport assemble(
      Store store, Workspace workspace, Program program, Period period, Instant asOf) {
    ReportQueries q = ReportQueries.in(store);
    long id = program.getId();
    Instant from = period.from();
    Instant end = asOf;
    long round = Math.max(1, program.getCadenceDays()) * DAY_MILLIS;
    PlanQueries planQueries = PlanQueries.in(store);
    PlanMeasures plan = PlanMeasures.read(planQueries, id, from, end, surveys.anonymityThreshold());
    ReportPairs pairs = ReportPairs.read(q, plan, id, from, end, round);

    Funnel funnel =
        new Funnel(
            q.enrolled(id, end),
            pairs.matched().size(),
            pairs.met().size(),
            pairs.regular().size());
    Instant origin = mondayBefore(from);
    ReportQueries.WeeklySignals signals = q.signalsByWeek(id, origin, from, end);
    List<Week> weeks = weeks(q, id, origin, from, end, signals);
    Health health =
        health(
            q,
            workspace,
            id,
            from,
            end,
            pairs,
            plan,
            signals,
            PairCheckIns.in(store).summary(id, from, end, surveys.anonymityThreshold()),
            WorkingAgreements.in(store));

    Period read = new Period(from, end);
    PopulationQueries people = PopulationQueries.in(store);
    Retention retention = retention(people, workspace.getId(), id, read);
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
        pairs.rows(),
        weeks,
        EventTimeline.read(planQueries, id, period, end, signals),
        q.surveyTrends(id, from, end, surveys),
        retention,
        List.of(
            mix(people, id, "department", "department", read),
            mix(people, id, "seniority_band", "seniority band", read),
            mix(people, id, "communication", "communication", read)),
        outcomes(store, id, pairs, health, retention, read));
  }

  /** Midnight UTC of the Monday on or before {@code from}: where the report's weeks start. */
  private static Instant mondayBefore(Instant from) {
    return LocalDate.ofInstant(from, ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private Outcomes outcomes(
      Store store, long id, ReportPairs pairs, Health health, Retention retention, Period read) {
    return Outcomes.of(
        Targets.progress(
            TargetBook.in(store).find(id).orElse(null),
            pairs.rows(),
            health,
            retention,
            read.from(),
            read.to()),
        PlanQueries.in(store).outcomes(id, read.from(), read.to()),
        surveys.anonymityThreshold());
  }

  private static List<Week> weeks(
      ReportQueries q,
      long id,
      Instant origin,
      Instant from,
      Instant end,
      ReportQueries.WeeklySignals signals) {
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
    return weeks;
  }

  private static Health health(
      ReportQueries q,
      Workspace workspace,
      long id,
      Instant from,
      Instant end,
      ReportPairs pairs,
      PlanMeasures plan,
      ReportQueries.WeeklySignals signals,
      CheckInSummary checkIns,
      WorkingAgreements agreements) {
    long[] goals = q.goals(id, from, end);
    long[] skills = q.skillChange(id, end);
    int pairCount = pairs.rows().size();
    return new Health(
        pairCount,
        pairs.activePairs(),
        pairs.sessions(),
        pairCount == 0 ? 0 : (double) pairs.sessions() / pairCount,
        pairs.minutes() / 60.0,
        goals[0],
        goals[1],
        plan.tasksSet(),
        plan.tasksDone(),
        plan.usefulness(),
        skills[0] == 0 ? null : (double) skills[1] / skills[0],
        skills[0],
        pairs.buckets(),
        signals.perType().getOrDefault("REMINDER_SENT", 0L),
        signals.perType().getOrDefault("NUDGE_SENT", 0L),
        signals.perType().getOrDefault("PAIR_ESCALATED", 0L),
        q.deadMessages(workspace.getId(), end),
        checkIns,
        agreements.reachedIn(id));
  }

  private static Retention retention(
      PopulationQueries q, long workspaceId, long programId, Period p) {
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

  private Mix mix(PopulationQueries q, long programId, String column, String name, Period p) {
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
}
