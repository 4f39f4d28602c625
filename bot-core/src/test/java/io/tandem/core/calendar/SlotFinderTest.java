package io.tandem.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.matching.model.WeeklyAvailability;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Times both people of a pair are free")
class SlotFinderTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Duration LENGTH = Duration.ofMinutes(45);

  static SlotFinder.Person person(ZoneId zone, String free) {
    return new SlotFinder.Person(zone, WeeklyAvailability.parse(free));
  }

  static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  @Test
  @DisplayName("Berlin and London: the shared hours, one a day, in each person's own zone")
  void acrossZones() {
    // GIVEN Ana in Berlin free Tue 14-17 and Ben in London free Tue 13-16, on Monday 7 Dec 2026
    SlotFinder.Person ana = person(BERLIN, "Tue 14-17, Thu 9-12");
    SlotFinder.Person ben = person(LONDON, "Tue 13-16, Fri 9-11");

    // WHEN the next three slots are looked for
    List<Instant> slots = SlotFinder.next(ana, ben, at("2026-12-07T12:00", BERLIN), LENGTH, 3);

    // THEN they are the three coming Tuesdays at 14:00 in Berlin, 13:00 in London
    assertThat(slots)
        .containsExactly(
            at("2026-12-08T14:00", BERLIN),
            at("2026-12-15T14:00", BERLIN),
            at("2026-12-22T14:00", BERLIN));
    assertThat(slots.get(0).atZone(LONDON).getHour()).isEqualTo(13);
  }

  @Test
  @DisplayName("a daylight-saving change in one zone only moves the shared hours with it")
  void daylightSaving() {
    // GIVEN Berlin leaves summer time on 25 Oct 2026, New York only on 1 Nov 2026
    SlotFinder.Person berlin = person(BERLIN, "Mon-Fri 15-16");
    SlotFinder.Person newYork = person(NEW_YORK, "Mon-Fri 9-11");

    // WHEN slots are looked for from Thursday 22 Oct
    List<Instant> slots =
        SlotFinder.next(berlin, newYork, at("2026-10-22T00:00", BERLIN), LENGTH, 3);

    // THEN Berlin's 15:00 is New York's 09:00 before Berlin's change and 10:00 after it
    assertThat(slots)
        .containsExactly(
            at("2026-10-22T15:00", BERLIN),
            at("2026-10-23T15:00", BERLIN),
            at("2026-10-26T15:00", BERLIN));
    assertThat(slots.stream().map(s -> s.atZone(NEW_YORK).getHour())).containsExactly(9, 9, 10);
  }

  @Test
  @DisplayName("no shared hour gives no slot, and nothing starts before the earliest time")
  void noOverlap() {
    SlotFinder.Person early = person(BERLIN, "Mon-Fri 7-9");
    SlotFinder.Person late = person(NEW_YORK, "Mon-Fri 15-18");

    assertThat(SlotFinder.next(early, late, at("2026-12-07T00:00", BERLIN), LENGTH, 3)).isEmpty();
    List<Instant> sameDay =
        SlotFinder.next(
            person(BERLIN, "Mon 9-17"),
            person(LONDON, "Mon 8-16"),
            at("2026-12-07T10:20", BERLIN),
            LENGTH,
            1);
    assertThat(sameDay).containsExactly(at("2026-12-07T10:30", BERLIN));
  }

  @Test
  @DisplayName("a session that would run past someone's free hours is not proposed")
  void wholeSessionFits() {
    SlotFinder.Person ana = person(BERLIN, "Wed 14-15");
    SlotFinder.Person ben = person(LONDON, "Wed 13-17");

    List<Instant> slots =
        SlotFinder.next(ana, ben, at("2026-12-07T00:00", BERLIN), Duration.ofHours(1), 1);

    assertThat(slots).containsExactly(at("2026-12-09T14:00", BERLIN));
  }
}
