package io.tandem.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A planned session and its series")
class PlannedSessionTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  @Test
  @DisplayName("a weekly date keeps its local time across a daylight-saving change")
  void seriesFollowsLocalTime() {
    PlannedSession session = new PlannedSession(1, 2, berlin("2026-10-10T09:00"));
    session.plan(
        berlin("2026-10-20T14:00"), Duration.ofMinutes(45), BERLIN, 7, berlin("2026-10-10T09:00"));

    session.asked(berlin("2026-10-20T18:00"));

    assertThat(session.getNextAt()).isEqualTo(berlin("2026-10-27T14:00"));
    assertThat(session.getSequence()).isZero();
  }

  @Test
  @DisplayName("a single session is done once asked; moving it and cancelling raise the sequence")
  void singleSession() {
    Instant now = berlin("2026-12-07T12:00");
    PlannedSession session = new PlannedSession(1, 2, now);
    session.plan(berlin("2026-12-08T14:00"), Duration.ofMinutes(45), BERLIN, null, now);
    session.plan(berlin("2026-12-15T14:00"), Duration.ofMinutes(45), BERLIN, null, now);

    session.asked(berlin("2026-12-15T18:00"));
    assertThat(session.getNextAt()).isNull();
    session.cancel(now);

    assertThat(session.getSequence()).isEqualTo(2);
    assertThat(session.getStatus()).isEqualTo(PlannedSession.Status.CANCELLED);
  }
}
