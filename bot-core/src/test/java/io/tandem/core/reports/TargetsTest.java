package io.tandem.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandParser;
import io.tandem.core.pulse.CheckInSummary;
import io.tandem.core.reports.Outcomes.TargetProgress;
import io.tandem.core.reports.ProgramReport.Group;
import io.tandem.core.reports.ProgramReport.Health;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.reports.ProgramReport.RetentionSource;
import io.tandem.core.reports.Targets.Measure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Targets, their verdicts, the rule that hides outcomes below the threshold, and the grammar. */
@DisplayName("Program targets and outcomes")
class TargetsTest {

  static final Instant FROM = Instant.parse("2026-01-05T00:00:00Z");
  static final Instant AS_OF = FROM.plus(Duration.ofDays(95));

  @Nested
  @DisplayName("verdicts")
  class Verdicts {

    @Test
    @DisplayName(
        "reaching the target is on track, falling short is behind, nothing to measure says so")
    void plainVerdicts() {
      assertThat(Targets.verdict(80.0, 80)).isEqualTo("on track");
      assertThat(Targets.verdict(79.6, 80)).as("shown as 80%").isEqualTo("on track");
      assertThat(Targets.verdict(72.0, 80)).isEqualTo("behind");
      assertThat(Targets.verdict(null, 80)).isEqualTo("no data yet");
    }

    @Test
    @DisplayName("a line reads: Pairs meeting monthly: 72% (13 of 18) — target 80%, behind")
    void line() {
      assertThat(
              Targets.line(
                  new TargetProgress(
                      "meet", "Pairs meeting monthly", 80, 72.2, "13 of 18", "behind")))
          .isEqualTo("Pairs meeting monthly: 72% (13 of 18) — target 80%, behind");
      assertThat(
              Targets.line(
                  new TargetProgress("goals", "Goals done", 70, null, "0 of 0", "no data yet")))
          .isEqualTo("Goals done: no data yet — target 70%");
    }

    @Test
    @DisplayName(
        "a pair meets monthly with a session per 30 days; a young pair that never met is not counted")
    void meetingMonthly() {
      List<PairRow> pairs =
          List.of(
              pair(FROM, 3), // 95 days: 3 months, 3 sessions: meets
              pair(FROM, 2), // 3 months, 2 sessions: does not
              pair(AS_OF.minus(Duration.ofDays(10)), 0), // 10 days, never met: not yet measured
              pair(AS_OF.minus(Duration.ofDays(10)), 1)); // 10 days, met: meets
      assertThat(Targets.meetingMonthly(pairs, FROM, AS_OF)).containsExactly(2, 3);
    }

    @Test
    @DisplayName(
        "each set target is read against the report: meet 67% behind 80%, goals 75% on track")
    void progress() {
      ProgramTargets targets = new ProgramTargets(1, 2, FROM);
      targets.set(Measure.MEET_MONTHLY, 80, FROM);
      targets.set(Measure.GOALS_DONE, 70, FROM);
      targets.set(Measure.RETENTION, 100, FROM);
      List<TargetProgress> progress =
          Targets.progress(
              targets,
              List.of(pair(FROM, 3), pair(FROM, 2), pair(FROM, 4)),
              health(8, 6),
              RetentionStats.compare(RetentionSource.ROSTER, new Group(20, 19), new Group(40, 36)),
              FROM,
              AS_OF);
      assertThat(progress)
          .extracting(TargetProgress::measure, TargetProgress::verdict)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("meet", "behind"),
              org.assertj.core.groups.Tuple.tuple("goals", "on track"),
              org.assertj.core.groups.Tuple.tuple("retention", "on track"));
      // 95% against 90%: 105.6% of the others' retention
      assertThat(progress.get(2).actual()).isBetween(105.5, 105.6);
      targets.set(Measure.RETENTION, null, FROM);
      assertThat(Targets.progress(targets, List.of(), health(0, 0), retention0(), FROM, AS_OF))
          .extracting(TargetProgress::verdict)
          .containsExactly("no data yet", "no data yet");
    }
  }

  @Nested
  @DisplayName("outcomes and the anonymity threshold")
  class Threshold {

    @Test
    @DisplayName("below the threshold only the count shows; from it on every answer, no names")
    void threshold() {
      Outcomes four = Outcomes.of(List.of(), List.of("a", "b", "c", "d"), 5);
      Outcomes five = Outcomes.of(List.of(), List.of("a", "b", "c", "d", "e"), 5);
      assertThat(four.words()).isEmpty();
      assertThat(four.suppressed()).isTrue();
      assertThat(ReportText.outcomes(four)).startsWith("4 answers; they show from 5 on");
      assertThat(five.words()).hasSize(5);
      assertThat(ReportText.outcomes(five)).contains("“a”").contains("“e”");
      assertThat(ReportText.outcomes(Outcomes.of(List.of(), List.of(), 5)))
          .isEqualTo("no answers yet");
    }

    @Test
    @DisplayName("the same words show once with their count; chat quotes eight, the files all")
    void repeatedAndMany() {
      List<String> words = new ArrayList<>(List.of("aaa", "aaa", "aaa"));
      for (char c = 'a'; c <= 'j'; c++) {
        words.add(String.valueOf(c));
      }
      String text =
          ReportText.outcomes(Outcomes.of(List.of(), words.stream().sorted().toList(), 5));
      assertThat(text).contains("• “aaa” ×3").doesNotContain("“aaa”\n");
      assertThat(text.lines().filter(l -> l.startsWith("• "))).hasSize(8);
      assertThat(text).endsWith("… and 3 more in the report's files");
    }
  }

  @Nested
  @DisplayName("program targets grammar")
  class Grammar {

    @Test
    @DisplayName("a program's name, then any targets in any order, with commas, % and monthly")
    void sets() {
      assertThat(parse("program targets Data pilot meet 80% monthly, goals 70%, retention 100%"))
          .isEqualTo(
              new TargetCommand.Set(
                  "Data pilot",
                  List.of(
                      new TargetCommand.Setting(Measure.MEET_MONTHLY, 80),
                      new TargetCommand.Setting(Measure.GOALS_DONE, 70),
                      new TargetCommand.Setting(Measure.RETENTION, 100))));
      assertThat(parse("program targets goals 60 and meet off"))
          .isEqualTo(
              new TargetCommand.Set(
                  null,
                  List.of(
                      new TargetCommand.Setting(Measure.GOALS_DONE, 60),
                      new TargetCommand.Setting(Measure.MEET_MONTHLY, null))));
      assertThat(parse("program targets Data pilot"))
          .isEqualTo(new TargetCommand.Show("Data pilot"));
      assertThat(parse("program targets")).isEqualTo(new TargetCommand.Show(null));
    }

    @Test
    @DisplayName(
        "bad input is refused with an example: no value, not a number, out of range, twice")
    void refuses() {
      assertThat(problem("program targets meet")).contains("Give `meet` a percentage");
      assertThat(problem("program targets meet lots")).contains("not a whole percentage");
      assertThat(problem("program targets goals 150%")).contains("between 1% and 100%");
      assertThat(problem("program targets retention 250%")).contains("between 1% and 200%");
      assertThat(problem("program targets goals 50% goals 60%")).contains("named twice");
      assertThat(problem("program targets meet 80% often 3")).contains("is not a target");
    }

    private Object parse(String text) {
      CommandParser.Parsed parsed = new CommandParser().parse(text);
      assertThat(parsed).isInstanceOf(CommandParser.Parsed.Accepted.class);
      return ((CommandParser.Parsed.Accepted) parsed).command();
    }

    private String problem(String text) {
      CommandParser.Parsed parsed = new CommandParser().parse(text);
      assertThat(parsed).isInstanceOf(CommandParser.Parsed.Rejected.class);
      CommandParser.Parsed.Rejected rejected = (CommandParser.Parsed.Rejected) parsed;
      assertThat(rejected.example()).isEqualTo(TargetGrammar.EXAMPLE);
      return rejected.problem();
    }
  }

  static PairRow pair(Instant created, long sessions) {
    return new PairRow(
        1,
        "ana",
        "ben",
        "active",
        50,
        new ProgramReport.ScoreParts(0, 0, 0, 0),
        ProgramReport.Bucket.STEADY,
        created,
        null,
        sessions,
        0,
        0,
        0,
        0,
        0,
        new ProgramReport.Usefulness(0, null));
  }

  static Health health(long goalsSet, long goalsDone) {
    return new Health(
        0,
        0,
        0,
        0,
        0,
        goalsSet,
        goalsDone,
        0,
        0,
        new ProgramReport.Usefulness(0, null),
        null,
        0,
        Map.of(),
        0,
        0,
        0,
        0,
        new CheckInSummary(0, 0, 0, 0, 0, 0, 5),
        0);
  }

  static ProgramReport.Retention retention0() {
    return RetentionStats.compare(RetentionSource.ROSTER, new Group(0, 0), new Group(0, 0));
  }
}
