package io.tandem.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandParser;
import io.tandem.core.command.CommandParser.Parsed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Check-in points: when each pair is asked, and how admins set them")
class CheckInPointsTest {

  private static final Instant MADE = Instant.parse("2026-01-05T10:00:00Z");

  private static Instant after(long days, long hours) {
    return MADE.plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
  }

  @Test
  @DisplayName("by default a pair is due at 30, 60 and 90 days, each for a week, never before")
  void defaultPoints() {
    CheckInPoints points = CheckInPoints.DEFAULT;

    assertThat(points.due(MADE, after(29, 23))).isEmpty();
    assertThat(points.due(MADE, after(30, 0))).contains(30);
    assertThat(points.due(MADE, after(36, 23))).contains(30);
    assertThat(points.due(MADE, after(37, 0))).as("a week late is too late").isEmpty();
    assertThat(points.due(MADE, after(60, 1))).contains(60);
    assertThat(points.due(MADE, after(95, 0))).contains(90);
    assertThat(points.due(MADE, after(400, 0))).isEmpty();
  }

  @Test
  @DisplayName("of two points passed within a week only the later one is due; off asks nothing")
  void closePointsAndOff() {
    CheckInPoints close = new CheckInPoints(List.of(14, 10, 10));

    assertThat(close.days()).containsExactly(10, 14);
    assertThat(close.due(MADE, after(15, 0))).contains(14);
    assertThat(CheckInPoints.OFF.due(MADE, after(30, 0))).isEmpty();
    assertThat(close.label()).isEqualTo("10 and 14 days after matching");
    assertThat(CheckInPoints.DEFAULT.label()).isEqualTo("30, 60 and 90 days after matching");
  }

  @Test
  @DisplayName("program checkins: days, off, or nothing to show them; bad days get an example")
  void grammar() {
    CommandParser parser = new CommandParser();

    assertThat(parser.parse("program checkins 30,60,90 Data pilot"))
        .isEqualTo(
            new Parsed.Accepted(
                new PulseCommand.SetPoints(new CheckInPoints(List.of(30, 60, 90)), "Data pilot")));
    assertThat(parser.parse("program checkins 45 21"))
        .isEqualTo(
            new Parsed.Accepted(
                new PulseCommand.SetPoints(new CheckInPoints(List.of(21, 45)), null)));
    assertThat(parser.parse("program checkins off Data pilot"))
        .isEqualTo(
            new Parsed.Accepted(new PulseCommand.SetPoints(CheckInPoints.OFF, "Data pilot")));
    assertThat(parser.parse("program checkins"))
        .isEqualTo(new Parsed.Accepted(new PulseCommand.ShowPoints(null)));
    assertThat(parser.parse("program checkins 0,30"))
        .isEqualTo(
            new Parsed.Rejected(
                "Check-in points are days after matching, from 1 to 730.", PulseGrammar.EXAMPLE));
    assertThat(parser.parse("program checkins 30days"))
        .isEqualTo(new Parsed.Rejected("`30days` is not a list of days.", PulseGrammar.EXAMPLE));
  }
}
