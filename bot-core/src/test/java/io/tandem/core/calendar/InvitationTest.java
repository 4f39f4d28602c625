package io.tandem.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The calendar invitation Tandem sends")
class InvitationTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Picked on 10 Oct 2026 (summer time) for 3 Nov 2026, after Berlin's change on 25 Oct. */
  static final Instant START = LocalDateTime.parse("2026-11-03T14:00").atZone(BERLIN).toInstant();

  static Invitation.Event event(int sequence, Integer repeatDays) {
    return new Invitation.Event(
        42,
        sequence,
        START,
        Duration.ofMinutes(45),
        BERLIN,
        repeatDays,
        "Tandem: Ana and Ben, \"the\" pair",
        "Your reverse-mentoring session; planned in Tandem.",
        List.of(
            new Invitation.Person("Ana \"A\" Lopez", "ana@example.com", "U1"),
            new Invitation.Person("Ben", null, "U2")),
        Instant.parse("2026-10-10T09:00:00Z"));
  }

  static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  static VEvent only(Calendar calendar) {
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElseThrow();
  }

  @Test
  @DisplayName("parses back to the intended instant across a daylight-saving change")
  void roundTrip() throws Exception {
    String text = Invitation.request(event(0, null));

    Calendar calendar = parse(text);
    VEvent event = only(calendar);
    TemporalAccessor start = event.getStartDate().orElseThrow().getDate();

    assertThat(Instant.from(start)).isEqualTo(Instant.parse("2026-11-03T13:00:00Z"));
    assertThat(((ZonedDateTime) start).getHour()).isEqualTo(14);
    assertThat(text).contains("DTSTART;TZID=Europe/Berlin:20261103T140000");
    assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("REQUEST");
    assertThat(value(event, "UID")).isEqualTo("pair-42@tandem");
    assertThat(value(event, "DURATION")).isEqualTo("PT45M");
    assertThat(value(event, "DTSTAMP")).isEqualTo("20261010T090000Z");
    assertThat(value(event, "SUMMARY")).isEqualTo("Tandem: Ana and Ben, \"the\" pair");
    List<String> attendees =
        event.getProperties("ATTENDEE").stream().map(Property::getValue).toList();
    assertThat(attendees).containsExactly("mailto:ana@example.com", "urn:tandem:user:U2");
    assertThat(event.getProperties("ATTENDEE").get(0).getParameter("CN").orElseThrow().getValue())
        .isEqualTo("Ana A Lopez");
  }

  @Test
  @DisplayName(
      "a moved slot keeps the UID with a higher sequence; a series repeats with the cadence")
  void updates() throws Exception {
    VEvent first = only(parse(Invitation.request(event(0, null))));
    VEvent moved = only(parse(Invitation.request(event(1, 10))));
    VEvent weekly = only(parse(Invitation.request(event(2, 14))));

    assertThat(value(moved, "UID")).isEqualTo(value(first, "UID"));
    assertThat(Integer.parseInt(value(moved, "SEQUENCE")))
        .isGreaterThan(Integer.parseInt(value(first, "SEQUENCE")));
    assertThat(first.getProperty("RRULE")).isEmpty();
    assertThat(value(moved, "RRULE")).isEqualTo("FREQ=DAILY;INTERVAL=10");
    assertThat(value(weekly, "RRULE")).isEqualTo("FREQ=WEEKLY;INTERVAL=2");
  }

  @Test
  @DisplayName("a cancellation names the same event")
  void cancel() throws Exception {
    Calendar calendar = parse(Invitation.cancel(event(3, null)));
    VEvent event = only(calendar);

    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("CANCEL");
    assertThat(value(event, "UID")).isEqualTo("pair-42@tandem");
    assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
    assertThat(value(event, "SEQUENCE")).isEqualTo("3");
  }
}
