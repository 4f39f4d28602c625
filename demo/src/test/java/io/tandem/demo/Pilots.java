package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Starting points the scenario tests share. */
final class Pilots {

  private Pilots() {}

  /**
   * Tandem on {@code chat} at noon UTC today (so every sample person's zone is on the same date),
   * with Maya as admin and the four sample people enrolled and paired (Ana with Ben).
   */
  static Tandem pairedAtNoon(SimulatedChat chat, Path database) throws Exception {
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    chat.makeAdmin("maya");
    Tandem tandem = Tandem.start(chat.config("jdbc:sqlite:" + database), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
    return tandem;
  }
}
