package io.tandem.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.enrolment.ImportRoster;
import io.tandem.core.kernel.Progress;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.reports.ProgramReport.Bucket;
import io.tandem.core.reports.ProgramReport.Mix;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveyTrend;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The program report against a small program whose every number is worked out by hand below (in the
 * comments next to the rows that produce it), never by the code under test. The rows are written
 * with plain SQL so the fixture does not depend on the use cases either.
 */
abstract class ReportsContract {

  // Monday 2026-03-02 noon; the program started Monday 2026-01-05, cadence 14 days. Scoring
  // windows: last round from 02-16T12:00, the one before from 02-02T12:00, four rounds from
  // 01-05T12:00. Pairs made 01-05T12:00 are 56 days = 4 rounds old.
  static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final Instant PAIRED = Instant.parse("2026-01-05T12:00:00Z");
  static final Actor ADMIN = new Actor(Platform.SLACK, "T_ACME", "U_MAYA", "Maya", "UTC", true);
  static final Actor PERSON = new Actor(Platform.SLACK, "T_ACME", "U_BEN", "Ben", "UTC", false);
  static final ProgramLookup.Target PILOT = new ProgramLookup.Target(null, null, "Data pilot");

  /** Threshold 3: a department with 4 paired people shows, groups of 1 or 2 do not. */
  static final SurveySettings SETTINGS = new SurveySettings(3, SurveySettings.shipped());

  abstract TestDatabase newTestDatabase();

  TestDatabase testDatabase;
  Database db;
  Reports reports;
  long nextId = 1000;

  @BeforeEach
  void open() throws SQLException {
    testDatabase = newTestDatabase();
    db = testDatabase.open(CLOCK);
    reports = new Reports(db, CLOCK, SETTINGS);
    seed();
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("funnel: 7 enrolled (the waitlisted one not), 6 matched, 4 met, 2 meet regularly")
  void funnel() {
    ProgramReport r = reports.compute(PILOT, null);
    assertThat(r.funnel()).isEqualTo(new ProgramReport.Funnel(7, 6, 4, 2));
    assertThat(r.period().from()).isEqualTo(START);
    assertThat(r.period().to()).isEqualTo(NOW);
  }

  @Test
  @DisplayName(
      "pairs: scores 93, 14 and 0; thriving, at risk and gone quiet; the proposed pair is"
          + " not one")
  void pairs() {
    ProgramReport r = reports.compute(PILOT, null);
    Map<String, PairRow> byMentor =
        r.pairs().stream().collect(Collectors.toMap(PairRow::mentor, p -> p));
    assertThat(byMentor).containsOnlyKeys("Ana", "Dev", "Eve");
    // Ana→Ben: sessions 2 in the last round, 1 before, 2 in the two before: 2 + 0.5 + 0.5 = 3,
    // capped at 2 → 50; 2 acknowledgements → 15; 3 plan signals → 20; 1 survey answer → 7.5
    PairRow ana = byMentor.get("Ana");
    assertThat(ana.parts().sessions()).isEqualTo(50.0);
    assertThat(ana.parts().acknowledgements()).isEqualTo(15.0);
    assertThat(ana.parts().plan()).isEqualTo(20.0);
    assertThat(ana.parts().surveys()).isEqualTo(7.5);
    assertThat(ana.score()).isEqualTo(93);
    assertThat(ana.bucket()).isEqualTo(Bucket.THRIVING);
    assertThat(ana.sessions()).isEqualTo(5);
    assertThat(ana.hours()).isEqualTo(5.0);
    assertThat(ana.lastSession()).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    // Dev→Chioma: one session three rounds back: 0.25 / 2 × 50 = 6.25; one reminder moved: 7.5
    PairRow dev = byMentor.get("Dev");
    assertThat(dev.score()).isEqualTo(14);
    assertThat(dev.bucket()).isEqualTo(Bucket.AT_RISK);
    assertThat(dev.hours()).isEqualTo(0.5);
    // Eve→Fay: nothing at all for four rounds (a nudge Tandem sent does not count)
    PairRow eve = byMentor.get("Eve");
    assertThat(eve.score()).isZero();
    assertThat(eve.bucket()).isEqualTo(Bucket.GONE_QUIET);
    assertThat(eve.lastSession()).isNull();
    // lowest score first
    assertThat(r.pairs()).extracting(PairRow::mentor).containsExactly("Eve", "Dev", "Ana");
  }

  @Test
  @DisplayName("health: sessions, hours, goals, skill change, signals and dead messages")
  void health() {
    ProgramReport.Health h = reports.compute(PILOT, null).health();
    assertThat(h.pairs()).isEqualTo(3);
    assertThat(h.activePairs()).isEqualTo(1); // only Ana→Ben met in the last two rounds
    assertThat(h.sessions()).isEqualTo(6); // 5 + 1
    assertThat(h.sessionsPerPair()).isEqualTo(2.0);
    assertThat(h.hours()).isEqualTo(5.5); // 5 × 60 + 30 minutes
    assertThat(h.goalsSet()).isEqualTo(1); // the other goal was set before the period
    assertThat(h.goalsDone()).isEqualTo(1);
    assertThat(h.skillsReRated()).isEqualTo(2); // Ben's Leadership 2→4, Chioma's SQL 3→2
    assertThat(h.skillChange()).isEqualTo(0.5); // (+2 − 1) / 2
    assertThat(h.reminders()).isEqualTo(3);
    assertThat(h.nudges()).isEqualTo(2); // the December nudge is before the period
    assertThat(h.escalations()).isEqualTo(1);
    assertThat(h.deadMessages()).isEqualTo(2);
    assertThat(h.buckets())
        .containsEntry(Bucket.THRIVING, 1L)
        .containsEntry(Bucket.STEADY, 0L)
        .containsEntry(Bucket.AT_RISK, 1L)
        .containsEntry(Bucket.GONE_QUIET, 1L);
  }

  @Test
  @DisplayName("weeks: nine Mondays from 2026-01-05, sessions and pairs that met per week")
  void weeks() {
    List<ProgramReport.Week> weeks = reports.compute(PILOT, null).weeks();
    assertThat(weeks).hasSize(9);
    assertThat(weeks.get(0).start()).isEqualTo(LocalDate.parse("2026-01-05"));
    assertThat(weeks.get(8).start()).isEqualTo(LocalDate.parse("2026-03-02"));
    // sessions: 01-10 (w0), 01-20 and 01-24 (w2, two pairs), 02-07 (w4), 02-21 (w6), 02-28 (w7)
    assertThat(weeks)
        .extracting(ProgramReport.Week::sessions)
        .containsExactly(1L, 0L, 2L, 0L, 1L, 0L, 1L, 1L, 0L);
    assertThat(weeks.get(2).pairsMet()).isEqualTo(2);
    assertThat(weeks.stream().mapToLong(ProgramReport.Week::signals).sum())
        .isEqualTo(signalsInPeriod);
  }

  @Test
  @DisplayName("surveys: a run with 6 answers shows its mean, a run with 2 shows nothing")
  void surveys() {
    List<SurveyTrend> trends = reports.compute(PILOT, null).surveys();
    assertThat(trends).hasSize(1);
    List<SurveyTrend.Point> runs = trends.get(0).runs();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).suppressed()).isFalse();
    assertThat(runs.get(0).mean()).isEqualTo(4.5); // 3 × 4 + 3 × 5 over 6
    assertThat(runs.get(1).suppressed()).isTrue();
    assertThat(runs.get(1).mean()).isNull();
    assertThat(runs.get(1).answered()).isEqualTo(2);
  }

  @Test
  @DisplayName("mix: Marketing (3 mentors, 1 mentee) shows; groups below the threshold do not")
  void mix() {
    List<Mix> mix = reports.compute(PILOT, null).mix();
    Mix department = mix.get(0);
    assertThat(department.dimension()).isEqualTo("department");
    assertThat(department.groups()).containsExactly(new ProgramReport.MixGroup("Marketing", 3, 1));
    assertThat(department.suppressedGroups()).isEqualTo(2); // Finance 1, Sales 1
    Mix band = mix.get(1);
    assertThat(band.groups()).isEmpty(); // bands 2 (2 people), 1, 5 (2), 4
    assertThat(band.suppressedGroups()).isEqualTo(4);
    String everything = ReportFormats.csv(reports.compute(PILOT, null));
    assertThat(everything).doesNotContain("Finance").doesNotContain("Sales");
  }

  @Test
  @DisplayName("retention from the roster: participants 6 of 7, others 3 of 5 — not enough data")
  void rosterRetention() throws Exception {
    String csv =
        "employee_id,user_id,hire_date,exit_date,department,band\n"
            + "E1,U_ANA,2020-01-01,,Marketing,2\n"
            + "E2,U_DEV,2020-01-01,,Marketing,2\n"
            + "E3,U_EVE,2020-01-01,,Marketing,2\n"
            + "E4,U_BEN,2020-01-01,,Marketing,2\n"
            + "E5,U_CHIOMA,2020-01-01,,Marketing,2\n"
            + "E6,U_FAY,2020-01-01,2026-02-15,Marketing,2\n" // a participant who left
            + "E7,U_UMA,2020-01-01,,Marketing,2\n"
            + "E8,U_WALT,2020-01-01,,Marketing,2\n" // waitlisted: not a participant
            + "E9,,2020-01-01,,Marketing,2\n"
            + "E10,,2020-01-01,2026-01-20,Marketing,2\n"
            + "E11,,2020-01-01,2026-02-01,Marketing,2\n"
            + "E12,,2021-06-01,,Marketing,2\n"
            + "E13,,2020-01-01,2025-12-31,Marketing,2\n" // gone before the period
            + "E14,,2026-02-01,,Marketing,2\n" // hired during it
            + "E15,,2020-01-01,,Finance,3\n"; // no participant in that department and band
    ImportRoster.Outcome outcome =
        new ImportRoster(db, CLOCK)
            .importCsv("roster.csv", new StringReader(csv), null, null, Progress.NONE);
    assertThat(outcome.problems()).isEmpty();
    ProgramReport.Retention r = reports.compute(PILOT, null).retention();
    assertThat(r.source()).isEqualTo(ProgramReport.RetentionSource.ROSTER);
    assertThat(r.participants()).isEqualTo(new ProgramReport.Group(7, 6));
    // E8, E9, E12 stayed; E10, E11 left
    assertThat(r.others()).isEqualTo(new ProgramReport.Group(5, 3));
    assertThat(r.enoughData()).isFalse();
    assertThat(r.note()).isEqualTo("not enough data: 7 participants (needs 10)");
  }

  @Test
  @DisplayName("retention without a roster: members who left the workspace, labelled a proxy")
  void proxyRetention() {
    ProgramReport.Retention r = reports.compute(PILOT, null).retention();
    assertThat(r.source()).isEqualTo(ProgramReport.RetentionSource.PROXY_LEFT_WORKSPACE);
    // members: 7 participants + Walt (waitlisted) + Maya the admin + Olga who left in February
    assertThat(r.participants()).isEqualTo(new ProgramReport.Group(7, 7));
    assertThat(r.others()).isEqualTo(new ProgramReport.Group(3, 2));
    assertThat(ReportText.retention(r)).contains("proxy: members who left the workspace");
  }

  @Test
  @DisplayName("report in chat: admins get the headline and the pairs needing attention")
  void chat() throws SQLException {
    Reply reply = reports.report(ADMIN, null);
    assertThat(reply.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(reply.text()).contains("Report: Data pilot").contains("2026-01-05 to 2026-03-02");
    Map<String, String> fields =
        reply.fields().stream().collect(Collectors.toMap(Reply.Field::label, Reply.Field::value));
    assertThat(fields.get("Funnel"))
        .isEqualTo(
            "7 enrolled → 6 matched (86%) → 4 first session (57%) → 2 meeting regularly (29%)");
    assertThat(fields.get("Pairs needing attention"))
        .contains("Eve → Fay: gone quiet, score 0, last met never")
        .contains("Dev → Chioma: at risk, score 14, last met 2026-01-20")
        .doesNotContain("Ana");
    assertThat(fields.get("Pair health"))
        .isEqualTo("1 thriving · 0 steady · 1 at risk · 1 gone quiet");
  }

  @Test
  @DisplayName("report in chat: anyone else is refused, and a wrong program name is explained")
  void chatRefusals() {
    Reply refused = reports.report(PERSON, null);
    assertThat(refused.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(refused.text()).contains("Only program admins");
    Reply unknown = reports.report(ADMIN, "Nope");
    assertThat(unknown.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(Markup.plain(unknown.text()))
        .contains("There is no program called *Nope* here")
        .contains("Data pilot")
        .contains("Example: `/tandem report Data pilot`");
  }

  @Test
  @DisplayName("a period narrows sessions, goals and signals to its days")
  void period() {
    ProgramReport r = reports.compute(PILOT, Reports.parsePeriod("2026-02-01..2026-02-28", NOW));
    // sessions 02-07, 02-21 and 02-28 (the 28th is included); pairs are scored at 03-01 00:00
    assertThat(r.health().sessions()).isEqualTo(3);
    assertThat(r.health().goalsDone()).isEqualTo(1);
    assertThat(r.health().goalsSet()).isZero();
    assertThat(r.weeks().get(0).start()).isEqualTo(LocalDate.parse("2026-01-26"));
  }

  @Test
  @DisplayName("the same as-of gives the same report, however much later it is read")
  void sameAsOfSameNumbers() {
    ProgramReport now = reports.compute(PILOT, null);
    Reports later =
        new Reports(
            db, Clock.fixed(NOW.plus(java.time.Duration.ofDays(16)), ZoneOffset.UTC), SETTINGS);

    ProgramReport readLater = later.compute(PILOT, null, now.asOf());

    assertThat(now.asOf()).isEqualTo(NOW);
    assertThat(readLater).isEqualTo(now);
    assertThat(ReportFormats.csv(readLater)).isEqualTo(ReportFormats.csv(now));
    // read as of 16 days later, Ana and Ben's fifth round has ended without a session: they met
    // in 4 of 5 rounds
    ProgramReport live = later.compute(PILOT, null);
    assertThat(live.asOf()).isEqualTo(NOW.plus(java.time.Duration.ofDays(16)));
    assertThat(live.pairs())
        .filteredOn(p -> p.mentor().equals("Ana"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.roundsCounted()).isEqualTo(5);
              assertThat(p.roundsMet()).isEqualTo(4);
            });
  }

  @Test
  @DisplayName("data that lies after the clock is read up to its own end, not the clock's day")
  void dataInTheFuture() {
    // the demo's database read with the real clock: everything happened after "now"
    Reports early =
        new Reports(
            db, Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC), SETTINGS);

    ProgramReport r = early.compute(PILOT, null);

    // the last activity is the session at 2026-02-28T10:00; the as-of is the next whole second
    assertThat(r.asOf()).isEqualTo(Instant.parse("2026-02-28T10:00:01Z"));
    assertThat(r.period().from()).isEqualTo(START);
    assertThat(r.funnel().enrolled()).isEqualTo(7);
    assertThat(r.health().sessions()).isEqualTo(6);
    assertThat(r.retention().participants()).isEqualTo(new ProgramReport.Group(7, 7));
    assertThat(ReportText.window(r))
        .isEqualTo("2026-01-05 to 2026-02-28, as of 2026-02-28 10:00:01 UTC");
  }

  @Test
  @DisplayName("an as-of before the program existed is refused with both instants")
  void asOfBeforeTheProgram() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> reports.compute(PILOT, null, Instant.parse("2025-12-01T00:00:00Z")))
        .isInstanceOf(Reports.AsOfOutOfRange.class)
        .hasMessageContaining("as of 2025-12-01 00:00:00 UTC")
        .hasMessageContaining("did not exist yet");
  }

  @Test
  @DisplayName("charts: partial weeks marked, no series hidden, no bar for an empty group, 0–100 %")
  void charts() {
    ProgramReport r = reports.compute(PILOT, null);
    // the week of 03-02 is read only until its Monday noon
    assertThat(r.weeks().get(8).partial()).isTrue();
    assertThat(r.weeks().subList(0, 8)).noneMatch(ProgramReport.Week::partial);

    io.tandem.core.reports.chart.Chart engagement = ReportCharts.engagement(r);
    assertThat(engagement.kind()).isEqualTo(io.tandem.core.reports.chart.Chart.Kind.BAR);
    assertThat(engagement.categories().get(8)).isEqualTo("2026-03-02 (partial)");
    assertThat(engagement.categories().get(7)).isEqualTo("2026-02-23");
    assertThat(engagement.subtitle())
        .isEqualTo("Data pilot · 2026-01-05 to 2026-03-02, as of 2026-03-02 12:00:00 UTC");

    io.tandem.core.reports.chart.Chart funnel = ReportCharts.funnel(r);
    assertThat(funnel.categories())
        .containsExactly(
            "enrolled", "matched (86%)", "first session (57%)", "meeting regularly (29%)");

    ProgramReport noOthers =
        new ProgramReport(
            r.program(),
            r.period(),
            r.asOf(),
            r.funnel(),
            r.health(),
            r.pairs(),
            r.weeks(),
            r.timeline(),
            r.surveys(),
            RetentionStats.compare(
                ProgramReport.RetentionSource.PROXY_LEFT_WORKSPACE,
                new ProgramReport.Group(30, 30),
                new ProgramReport.Group(0, 0)),
            r.mix(),
            r.outcomes());
    io.tandem.core.reports.chart.Chart retention = ReportCharts.retention(noOthers);
    assertThat(retention.valueMax()).isEqualTo(100.0);
    assertThat(retention.categories())
        .containsExactly("participants (30 of n = 30)", "non-participants (no data, n = 0)");
    assertThat(retention.series().get(0).values()).containsExactly(100.0, null);
    assertThat(retention.title()).isEqualTo("Retention: not enough data to compare");
  }

  @Test
  @DisplayName("tasks: 2 set and 2 done in the period; pair 1 set 2 and did 1, pair 2 did 1")
  void tasks() {
    ProgramReport r = reports.compute(PILOT, null);
    assertThat(r.health().tasksSet()).isEqualTo(2); // pair 2's task was set in December
    assertThat(r.health().tasksDone()).isEqualTo(2); // 02-10 and 01-25
    Map<String, PairRow> byMentor =
        r.pairs().stream().collect(Collectors.toMap(PairRow::mentor, p -> p));
    assertThat(byMentor.get("Ana").tasksSet()).isEqualTo(2);
    assertThat(byMentor.get("Ana").tasksDone()).isEqualTo(1);
    assertThat(byMentor.get("Dev").tasksSet()).isZero();
    assertThat(byMentor.get("Dev").tasksDone()).isEqualTo(1);
    assertThat(byMentor.get("Eve").tasksSet()).isZero();
    // February only: the 02-01 task set, the 02-10 one done
    ProgramReport feb = reports.compute(PILOT, Reports.parsePeriod("2026-02-01..2026-02-28", NOW));
    assertThat(feb.health().tasksSet()).isEqualTo(1);
    assertThat(feb.health().tasksDone()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "usefulness: 3.8 over the program's 5 ratings, 4.25 for pair 1's 4; pair 2's single"
          + " rating and February's 2 are below the threshold of 3")
  void usefulness() {
    ProgramReport r = reports.compute(PILOT, null);
    // (4 + 5 + 3 + 5 + 2) / 5 = 19 / 5; Ben's note without a rating does not count
    assertThat(r.health().usefulness()).isEqualTo(new ProgramReport.Usefulness(5, 3.8));
    Map<String, PairRow> byMentor =
        r.pairs().stream().collect(Collectors.toMap(PairRow::mentor, p -> p));
    assertThat(byMentor.get("Ana").usefulness())
        .isEqualTo(new ProgramReport.Usefulness(4, 4.25)); // 17 / 4
    assertThat(byMentor.get("Dev").usefulness())
        .isEqualTo(new ProgramReport.Usefulness(1, null)); // 1 rating < 3
    assertThat(byMentor.get("Eve").usefulness()).isEqualTo(new ProgramReport.Usefulness(0, null));
    assertThat(ReportText.usefulness(byMentor.get("Eve").usefulness())).isEqualTo("no ratings yet");
    // February: only 02-07's two ratings (3 and 5): below the threshold, no mean anywhere
    ProgramReport feb = reports.compute(PILOT, Reports.parsePeriod("2026-02-01..2026-02-28", NOW));
    assertThat(feb.health().usefulness()).isEqualTo(new ProgramReport.Usefulness(2, null));
    assertThat(ReportText.usefulness(feb.health().usefulness()))
        .isEqualTo("not enough responses (2 ratings)");
    String csv = ReportFormats.csv(feb);
    assertThat(csv)
        .contains("usefulness,,ratings,2\r\n")
        .contains("usefulness,,mean,not enough responses\r\n")
        .doesNotContainPattern("usefulness_mean,\\d")
        .doesNotContainPattern("usefulness,,mean,\\d");
    assertThat(ReportFormats.json(feb)).doesNotContain("\"mean\": 4.0");
  }

  @Test
  @DisplayName("time line: joins, matches, pauses, escalations and pair ends per week")
  void timeline() {
    ProgramReport r = reports.compute(PILOT, null);
    ProgramReport.Timeline t = r.timeline();
    assertThat(t.unit()).isEqualTo("week");
    assertThat(t.slots()).hasSize(9);
    assertThat(t.slots().get(0))
        .isEqualTo(
            new ProgramReport.EventSlot(LocalDate.parse("2026-01-05"), 3, 2, 0, 0, 0, false));
    // 02-02 Fay paused; 02-18 Ben asked for help and 02-20 Eve and Fay were escalated; 02-26 ended
    assertThat(t.slots())
        .extracting(ProgramReport.EventSlot::total)
        .containsExactly(5L, 0L, 0L, 0L, 1L, 0L, 2L, 1L, 0L);
    assertThat(t.slots().get(4).pauses()).isEqualTo(1);
    assertThat(t.slots().get(6).escalations()).isEqualTo(2);
    assertThat(t.slots().get(7).pairEnds()).isEqualTo(1);
    assertThat(t.slots().get(8).partial()).isTrue();
    assertThat(ReportEvents.totals(t))
        .isEqualTo("3 joins · 2 matches · 1 pairing ended · 1 pause · 2 escalations");
    assertThat(ReportFormats.csv(r))
        .contains("events,,unit,week\r\n")
        .contains("events,2026-01-05,joins,3\r\n")
        .contains("events,2026-01-05,matches,2\r\n")
        .contains("events,2026-02-16,escalations,2\r\n")
        .contains("events,2026-02-23,pair_ends,1\r\n");
    io.tandem.core.reports.chart.Chart chart = ReportEvents.chart(r);
    assertThat(chart.series())
        .extracting(io.tandem.core.reports.chart.Chart.Series::name)
        .containsExactly("joins", "matches", "pairings ended", "pauses", "escalations");
    assertThat(chart.series().get(0).values()).startsWith(3.0, 0.0);
    assertThat(chart.categories().get(8)).isEqualTo("2026-03-02 (partial)");
  }

  @Test
  @DisplayName("time line of a short period: one slot per day")
  void dailyTimeline() {
    ProgramReport feb = reports.compute(PILOT, Reports.parsePeriod("2026-02-01..2026-02-28", NOW));
    ProgramReport.Timeline t = feb.timeline();
    assertThat(t.unit()).isEqualTo("day");
    assertThat(t.slots()).hasSize(28);
    assertThat(t.slots().get(0).start()).isEqualTo(LocalDate.parse("2026-02-01"));
    assertThat(t.slots().get(1).pauses()).isEqualTo(1); // 02-02
    assertThat(t.slots().get(17).escalations()).isEqualTo(1); // 02-18
    assertThat(t.slots().get(19).escalations()).isEqualTo(1); // 02-20
    assertThat(t.slots().get(25).pairEnds()).isEqualTo(1); // 02-26
    assertThat(t.slots().stream().mapToLong(ProgramReport.EventSlot::total).sum()).isEqualTo(4);
    assertThat(ReportEvents.chart(feb).title()).isEqualTo("Program events per day");
  }

  @Test
  @DisplayName("report in chat: tasks, usefulness and the events of each week")
  void chatMeasures() {
    Map<String, String> fields =
        reports.report(ADMIN, null).fields().stream()
            .collect(Collectors.toMap(Reply.Field::label, Reply.Field::value));
    assertThat(fields.get("Tasks")).isEqualTo("2 set, 2 done");
    assertThat(fields.get("Session usefulness")).isEqualTo("3.8 of 5 (5 ratings)");
    assertThat(fields.get("Program events"))
        .isEqualTo(
            "3 joins · 2 matches · 1 pairing ended · 1 pause · 2 escalations\n"
                + "• week of 2026-01-05: 3 joins, 2 matches\n"
                + "• week of 2026-02-02: 1 pause\n"
                + "• week of 2026-02-16: 2 escalations\n"
                + "• week of 2026-02-23: 1 pairing ended");
    String md = ReportFormats.markdown(reports.compute(PILOT, null));
    assertThat(md)
        .contains("| Tasks | 2 set, 2 done |")
        .contains("| Session usefulness | 3.8 of 5 (5 ratings) |")
        .contains("| Dev | Chioma | active |")
        .contains("| 0 | 1 | not enough responses (1 rating) |")
        .contains("| 2026-01-05 | 3 | 2 | 0 | 0 | 0 |");
  }

  long signalsInPeriod;

  private void seed() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      long ws = 1;
      exec(
          c,
          "INSERT INTO workspace (id, platform, external_id, created_at) VALUES (1, 'SLACK',"
              + " 'T_ACME', 0)");
      exec(
          c,
          "INSERT INTO program (id, workspace_id, name, cadence_days, status, is_default,"
              + " created_at) VALUES (10, 1, 'Data pilot', 14, 'RUNNING', FALSE, "
              + ms("2026-01-05T09:30:00Z")
              + ")");
      // people: member id = participant id - 100
      long ana = person(c, "U_ANA", "Ana", "MENTOR", "ACTIVE", "Marketing", 2);
      long dev = person(c, "U_DEV", "Dev", "MENTOR", "ACTIVE", "Marketing", 2);
      long eve = person(c, "U_EVE", "Eve", "MENTOR", "ACTIVE", "Marketing", 1);
      long ben = person(c, "U_BEN", "Ben", "MENTEE", "ACTIVE", "Marketing", 5);
      long chioma = person(c, "U_CHIOMA", "Chioma", "MENTEE", "ACTIVE", "Finance", 5);
      long fay = person(c, "U_FAY", "Fay", "MENTEE", "ACTIVE", "Sales", 4);
      long uma = person(c, "U_UMA", "Uma", "MENTEE", "ACTIVE", "Sales", 4);
      person(c, "U_WALT", "Walt", "MENTEE", "WAITLISTED", "Sales", 4);
      member(c, "U_MAYA", "Maya", null);
      member(c, "U_OLGA", "Olga", ms("2026-02-10T00:00:00Z"));
      member(c, "U_GONE", "Gone", ms("2025-11-01T00:00:00Z")); // left before the period
      long p1 = pair(c, ana, ben, "ACTIVE");
      long p2 = pair(c, dev, chioma, "ACTIVE");
      long p3 = pair(c, eve, fay, "ACTIVE");
      pair(c, dev, uma, "PROPOSED");
      List<Long> anaSessions = new java.util.ArrayList<>();
      for (String day :
          List.of("2026-01-10", "2026-01-24", "2026-02-07", "2026-02-21", "2026-02-28")) {
        anaSessions.add(session(c, p1, ana, day, 60));
      }
      long devSession = session(c, p2, dev, "2026-01-20", 30);
      // usefulness: Ana rated 01-10 4, 01-24 5, 02-07 3; Ben rated 02-07 5 and 02-21 not at all;
      // Dev rated his one session 2. Pair 1: 4 ratings (sum 17), pair 2: 1 (sum 2)
      note(c, anaSessions.get(0), ana, 4);
      note(c, anaSessions.get(1), ana, 5);
      note(c, anaSessions.get(2), ana, 3);
      note(c, anaSessions.get(2), ben, 5);
      note(c, anaSessions.get(3), ben, null);
      note(c, devSession, dev, 2);
      // events for the time line (none of them engagement that changes a score: pair 1's
      // acknowledgements are already at their cap)
      signal(c, "PARTICIPANT_JOINED", ana, null, "2026-01-05T10:00:00Z");
      signal(c, "PARTICIPANT_JOINED", ben, null, "2026-01-05T10:00:00Z");
      signal(c, "PARTICIPANT_JOINED", dev, null, "2026-01-05T10:00:00Z");
      signal(c, "PARTICIPANT_JOINED", eve, null, "2025-12-20T10:00:00Z"); // before the period
      signal(c, "PAIR_CREATED", null, p1, "2026-01-05T12:00:00Z");
      signal(c, "PAIR_CREATED", null, p2, "2026-01-05T12:00:00Z");
      signal(c, "PARTICIPANT_PAUSED", fay, null, "2026-02-02T10:00:00Z");
      signal(c, "HELP_REQUESTED", ben, p1, "2026-02-18T10:00:00Z");
      signal(c, "PAIR_ENDED", eve, p3, "2026-02-26T09:00:00Z");
      signal(c, "MEETING_WAY_CHOSEN", ana, p1, "2026-01-06T10:00:00Z");
      signal(c, "LOGS_VIEWED", ben, p1, "2026-02-25T10:00:00Z");
      signal(c, "GOAL_SET", ben, p1, "2026-01-12T10:00:00Z");
      signal(c, "TASK_SET", ben, p1, "2026-01-13T10:00:00Z");
      signal(c, "GOAL_DONE", ben, p1, "2026-02-20T10:00:00Z");
      signal(c, "SURVEY_ANSWERED", ana, null, "2026-02-03T00:00:00Z");
      signal(c, "REMINDER_MOVED", dev, p2, "2026-02-01T10:00:00Z");
      signal(c, "NUDGE_SENT", eve, p3, "2026-02-12T10:00:00Z");
      signal(c, "NUDGE_SENT", dev, p2, "2026-02-13T10:00:00Z");
      signal(c, "PAIR_ESCALATED", null, p3, "2026-02-20T10:00:00Z");
      signal(c, "REMINDER_SENT", ana, p1, "2026-01-18T10:00:00Z");
      signal(c, "REMINDER_SENT", dev, p2, "2026-01-18T10:00:00Z");
      signal(c, "REMINDER_SENT", eve, p3, "2026-01-18T10:00:00Z");
      signal(c, "NUDGE_SENT", eve, p3, "2025-12-20T10:00:00Z"); // before the period
      signalsInPeriod = 21; // 13 above + 8 events in the period
      // goals: one set in the period and reached; one set before it, open
      exec(
          c,
          "INSERT INTO goal (id, workspace_id, program_id, pair_id, number, owner_id,"
              + " created_by, text, created_at, done_at) VALUES ("
              + (nextId++)
              + ", 1, 10, "
              + p1
              + ", 1, "
              + ben
              + ", "
              + ben
              + ", 'TikTok ads', "
              + ms("2026-01-12T10:00:00Z")
              + ", "
              + ms("2026-02-20T10:00:00Z")
              + ")");
      exec(
          c,
          "INSERT INTO goal (id, workspace_id, program_id, pair_id, number, owner_id,"
              + " created_by, text, created_at, done_at) VALUES ("
              + (nextId++)
              + ", 1, 10, "
              + p2
              + ", 1, "
              + chioma
              + ", "
              + chioma
              + ", 'SQL', "
              + ms("2025-12-01T10:00:00Z")
              + ", NULL)");
      // tasks: pair 1 set one on 01-13 (done 02-10) and one on 02-01 (open); pair 2's task was set
      // before the period and done in it (01-25)
      task(c, p1, 1, ben, "2026-01-13T10:00:00Z", "2026-02-10T10:00:00Z");
      task(c, p1, 2, ben, "2026-02-01T10:00:00Z", null);
      task(c, p2, 1, chioma, "2025-12-05T10:00:00Z", "2026-01-25T10:00:00Z");
      rating(c, ben, "Leadership", 2, "2026-01-05T10:00:00Z");
      rating(c, ben, "Leadership", 4, "2026-02-25T10:00:00Z");
      rating(c, ben, "Budgeting", 1, "2026-01-05T10:00:00Z");
      rating(c, chioma, "SQL", 3, "2026-01-05T10:00:00Z");
      rating(c, chioma, "SQL", 2, "2026-02-25T10:00:00Z");
      outbox(c, "DEAD");
      outbox(c, "DEAD");
      outbox(c, "DELIVERED");
      // surveys: run 1 with 6 answers (three 4s, three 5s), run 2 with 2 answers
      surveyRun(c, 501, "2026-01-15T10:00:00Z", Map.of(4, 3, 5, 3), 6);
      surveyRun(c, 502, "2026-02-15T10:00:00Z", Map.of(1, 2), 2);
      c.commit();
    }
  }

  private long person(
      Connection c, String user, String name, String role, String status, String dept, int band)
      throws SQLException {
    long member = member(c, user, name, null);
    long id = member + 100;
    exec(
        c,
        "INSERT INTO participant (id, workspace_id, program_id, member_id, role, status,"
            + " joined_at, department, seniority_band, communication, profile_complete) VALUES ("
            + id
            + ", 1, 10, "
            + member
            + ", '"
            + role
            + "', '"
            + status
            + "', "
            + ms("2026-01-05T10:00:00Z")
            + ", '"
            + dept
            + "', "
            + band
            + ", 'CALL', TRUE)");
    return id;
  }

  private long member(Connection c, String user, String name, Long leftAt) throws SQLException {
    long id = nextId++;
    exec(
        c,
        "INSERT INTO member (id, workspace_id, user_id, display_name, created_at, updated_at,"
            + " left_at) VALUES ("
            + id
            + ", 1, '"
            + user
            + "', '"
            + name
            + "', 0, 0, "
            + (leftAt == null ? "NULL" : leftAt)
            + ")");
    return id;
  }

  private long pair(Connection c, long mentor, long mentee, String status) throws SQLException {
    long id = nextId++;
    exec(
        c,
        "INSERT INTO mentoring_pair (id, workspace_id, program_id, mentor_id, mentee_id,"
            + " status, score, reasons, created_at) VALUES ("
            + id
            + ", 1, 10, "
            + mentor
            + ", "
            + mentee
            + ", '"
            + status
            + "', 80, '[]', "
            + PAIRED.toEpochMilli()
            + ")");
    return id;
  }

  private long session(Connection c, long pair, long by, String day, int minutes)
      throws SQLException {
    long id = nextId;
    exec(
        c,
        "INSERT INTO mentoring_session (id, workspace_id, program_id, participant_id,"
            + " occurred_at, minutes, topic, pair_id, local_date, number) VALUES ("
            + (nextId++)
            + ", 1, 10, "
            + by
            + ", "
            + ms(day + "T10:00:00Z")
            + ", "
            + minutes
            + ", 'x', "
            + pair
            + ", '"
            + day
            + "', 1)");
    return id;
  }

  private void note(Connection c, long session, long by, Integer useful) throws SQLException {
    exec(
        c,
        "INSERT INTO session_note (id, workspace_id, session_id, participant_id, minutes, topic,"
            + " usefulness, created_at, updated_at) VALUES ("
            + (nextId++)
            + ", 1, "
            + session
            + ", "
            + by
            + ", 60, 'x', "
            + useful
            + ", 0, 0)");
  }

  private void task(Connection c, long pair, int number, long by, String set, String done)
      throws SQLException {
    exec(
        c,
        "INSERT INTO goal_task (id, workspace_id, pair_id, goal_id, number, text, created_by,"
            + " created_at, done_at) VALUES ("
            + (nextId++)
            + ", 1, "
            + pair
            + ", (SELECT id FROM goal WHERE pair_id = "
            + pair
            + "), "
            + number
            + ", 'read', "
            + by
            + ", "
            + ms(set)
            + ", "
            + (done == null ? "NULL" : ms(done))
            + ")");
  }

  private void signal(Connection c, String type, Long participant, Long pair, String at)
      throws SQLException {
    exec(
        c,
        "INSERT INTO signal (id, workspace_id, type, actor_member_id, program_id,"
            + " participant_id, pair_id, occurred_at, details) VALUES ("
            + (nextId++)
            + ", 1, '"
            + type
            + "', "
            + (participant == null ? "NULL" : participant - 100)
            + ", 10, "
            + participant
            + ", "
            + pair
            + ", "
            + ms(at)
            + ", '{}')");
  }

  private void rating(Connection c, long participant, String skill, int level, String at)
      throws SQLException {
    exec(
        c,
        "INSERT INTO skill_rating (id, workspace_id, participant_id, skill, level, rated_at)"
            + " VALUES ("
            + (nextId++)
            + ", 1, "
            + participant
            + ", '"
            + skill
            + "', "
            + level
            + ", "
            + ms(at)
            + ")");
  }

  private void outbox(Connection c, String state) throws SQLException {
    long id = nextId++;
    exec(
        c,
        "INSERT INTO outbox_message (id, workspace_id, dedup_key, platform,"
            + " recipient_user_id, payload, not_before, state, created_at) VALUES ("
            + id
            + ", 1, 'k"
            + id
            + "', 'SLACK', 'U_ANA', '{}', 0, '"
            + state
            + "', 0)");
  }

  private void surveyRun(
      Connection c, long id, String opened, Map<Integer, Integer> tally, int answered)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO survey_run (id, workspace_id,"
                + " program_id, template_id, title, anonymous, audience, questions, invited, opened_at,"
                + " remind_at, closes_at, closed_at) VALUES (?, 1, 10, 'monthly-pulse', 'Monthly pulse',"
                + " 1, 'ALL', ?, 7, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, "[{\"type\":\"LIKERT\",\"text\":\"Worth my time.\",\"choices\":[]}]");
      long at = ms(opened);
      ps.setLong(3, at);
      ps.setLong(4, at + 1);
      ps.setLong(5, at + 2);
      ps.setLong(6, at + 2);
      ps.executeUpdate();
    }
    for (int i = 0; i < answered; i++) {
      exec(
          c,
          "INSERT INTO survey_invitee (run_id, member_id, answered_on) VALUES ("
              + id
              + ", "
              + (1000 + i)
              + ", '2026-01-16')");
    }
    for (Map.Entry<Integer, Integer> e : tally.entrySet()) {
      exec(
          c,
          "INSERT INTO survey_tally (run_id, question, answer, responses) VALUES ("
              + id
              + ", 0, "
              + e.getKey()
              + ", "
              + e.getValue()
              + ")");
    }
  }

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
