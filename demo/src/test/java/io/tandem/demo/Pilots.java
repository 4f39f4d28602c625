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
    return paired(
        chat, database, Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon())));
  }

  /** Noon UTC today. */
  static Instant noon() {
    return LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  /** Like {@link #pairedAtNoon}, on Tandem's {@code clock}. */
  static Tandem paired(SimulatedChat chat, Path database, Clock clock) throws Exception {
    Tandem tandem = started(chat, database, clock);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
    return tandem;
  }

  /**
   * Tandem on a fresh SQLite file at {@code database}, connected to {@code chat}; maya is admin.
   */
  static Tandem started(SimulatedChat chat, Path database, Clock clock) throws Exception {
    chat.makeAdmin("maya");
    Tandem tandem = Tandem.start(chat.config("jdbc:sqlite:" + database), clock);
    chat.connect(tandem);
    return tandem;
  }

  /**
   * Stops Tandem and then the simulated platform, either of which may be {@code null} (a test that
   * failed to start them); fails when the platform saw a request answered more than once.
   */
  static void stop(Tandem tandem, SimulatedChat chat) throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      java.util.List<String> answeredTwice = chat.answeredTwice();
      chat.close();
      assertThat(answeredTwice).as("requests answered more than once").isEmpty();
    }
  }
}
