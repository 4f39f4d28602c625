package io.tandem.core.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.command.CommandParser;
import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.reminders.ReminderTimes.QuietHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A person's own reminder time, as typed and as the reminder job computes it: Ana in Berlin chose
 * 09:30. Berlin moves to summer time in the night to Sunday 2026-03-29.
 */
@DisplayName("A chosen reminder time: how it is typed, and when it reaches the person")
class ReminderChoiceTimesTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final LocalTime HALF_NINE = LocalTime.of(9, 30);
  static final QuietHours QUIET = QuietHours.DEFAULT;

  @Test
  @DisplayName("9:00, 9am, 17:30, 5.30pm, 12am and 12pm are times of day")
  void timesAsTyped() {
    assertThat(TimeOfDay.parse("9:00")).isEqualTo(LocalTime.of(9, 0));
    assertThat(TimeOfDay.parse("9am")).isEqualTo(LocalTime.of(9, 0));
    assertThat(TimeOfDay.parse("9 AM")).isEqualTo(LocalTime.of(9, 0));
    assertThat(TimeOfDay.parse("17:30")).isEqualTo(LocalTime.of(17, 30));
    assertThat(TimeOfDay.parse("5.30pm")).isEqualTo(LocalTime.of(17, 30));
    assertThat(TimeOfDay.parse("12am")).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(TimeOfDay.parse("12pm")).isEqualTo(LocalTime.NOON);
  }

  @Test
  @DisplayName("25:00, 9:75, 13pm and nine are refused with what is wrong")
  void outOfRange() {
    assertThatThrownBy(() -> TimeOfDay.parse("25:00"))
        .hasMessageContaining("hours go from 0 to 23");
    assertThatThrownBy(() -> TimeOfDay.parse("9:75")).hasMessageContaining("minutes go from 00");
    assertThatThrownBy(() -> TimeOfDay.parse("13pm")).hasMessageContaining("from 1 to 12");
    assertThatThrownBy(() -> TimeOfDay.parse("nine")).hasMessageContaining("like 9:00, 9am");
  }

  @Test
  @DisplayName("remind me [at TIME] [[not] on weekends] parses; anything else gets an example")
  void grammar() {
    CommandParser parser = new CommandParser();
    assertThat(parser.parse("remind me"))
        .isEqualTo(new Parsed.Accepted(new ReminderCommands.ShowReminderChoices()));
    assertThat(parser.parse("remind me at 9am"))
        .isEqualTo(
            new Parsed.Accepted(new ReminderCommands.ChooseReminders(LocalTime.of(9, 0), null)));
    assertThat(parser.parse("remind me on weekends"))
        .isEqualTo(new Parsed.Accepted(new ReminderCommands.ChooseReminders(null, true)));
    assertThat(parser.parse("Remind me NOT on weekends"))
        .isEqualTo(new Parsed.Accepted(new ReminderCommands.ChooseReminders(null, false)));
    assertThat(parser.parse("remind me at 17:30 on weekends"))
        .isEqualTo(
            new Parsed.Accepted(new ReminderCommands.ChooseReminders(LocalTime.of(17, 30), true)));

    Parsed late = parser.parse("remind me at 25:00");
    assertThat(late).isInstanceOf(Parsed.Rejected.class);
    assertThat(((Parsed.Rejected) late).problem()).contains("25:00").contains("0 to 23");
    assertThat(((Parsed.Rejected) late).example()).isEqualTo("remind me at 17:30");
    Parsed other = parser.parse("remind me tomorrow");
    assertThat(((Parsed.Rejected) other).problem()).contains("tomorrow").contains("at 9:00");
    assertThat(parser.parse("remind you")).isInstanceOf(Parsed.Rejected.class);
  }

  @Test
  @DisplayName("a Friday reminder comes at 09:30 Berlin time, 08:30 UTC in winter")
  void weekdayAtChosenTime() {
    assertThat(send(LocalDate.parse("2026-03-27"), false))
        .isEqualTo(Instant.parse("2026-03-27T08:30:00Z"));
  }

  @Test
  @DisplayName("without weekends, Saturday's reminder waits for Monday 09:30, after the DST change")
  void weekendSkippedAcrossDst() {
    // Monday 03-30 is in summer time: 09:30 Berlin is 07:30 UTC, an hour earlier than in winter
    assertThat(send(LocalDate.parse("2026-03-28"), false))
        .isEqualTo(Instant.parse("2026-03-30T07:30:00Z"));
    assertThat(send(LocalDate.parse("2026-03-29"), false))
        .isEqualTo(Instant.parse("2026-03-30T07:30:00Z"));
  }

  @Test
  @DisplayName("with weekends, Saturday and Sunday keep their day, each at 09:30 local")
  void weekendsOptedIn() {
    assertThat(send(LocalDate.parse("2026-03-28"), true))
        .isEqualTo(Instant.parse("2026-03-28T08:30:00Z"));
    // Sunday 03-29 is the day of the change: 09:30 is already summer time
    assertThat(send(LocalDate.parse("2026-03-29"), true))
        .isEqualTo(Instant.parse("2026-03-29T07:30:00Z"));
  }

  @Test
  @DisplayName("a time in the hour the clocks skip moves forward by the gap")
  void skippedHour() {
    QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    assertThat(
            ReminderTimes.sendTime(
                    LocalDate.parse("2026-03-29"), LocalTime.of(2, 30), BERLIN, none, true)
                .toLocalTime())
        .isEqualTo(LocalTime.of(3, 30));
  }

  private static Instant send(LocalDate day, boolean weekends) {
    return ReminderTimes.sendTime(day, HALF_NINE, BERLIN, QUIET, weekends).toInstant();
  }
}
