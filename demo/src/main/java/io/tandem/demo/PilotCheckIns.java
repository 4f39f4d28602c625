package io.tandem.demo;

import static io.tandem.demo.Agenda.workingHour;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated people answer their pair check-ins: most pick 3 to 5 and say whether their partner
 * learns from them, within a day, at a working hour. Their choices come from the pilot's seeded
 * random, so the same seed answers the same way.
 */
final class PilotCheckIns {

  private final SimulatedChat chat;
  private final ShiftableClock clock;
  private final Random random;
  private final Agenda agenda;
  private final Tally tally;
  private final PrintWriter out;

  PilotCheckIns(
      SimulatedChat chat,
      ShiftableClock clock,
      Random random,
      Agenda agenda,
      Tally tally,
      PrintWriter out) {
    this.chat = chat;
    this.clock = clock;
    this.random = random;
    this.agenda = agenda;
    this.tally = tally;
    this.out = out;
  }

  /** Whether {@code message} is a pair check-in (whose 1–5 buttons are no survey's). */
  static boolean isCheckIn(SimulatedChat.Delivered message) {
    return message.text().contains("Check-in:");
  }

  void received(SimulatedChat.Delivered message) {
    for (String person : message.to()) {
      if (random.nextInt(10) >= 9) {
        continue;
      }
      Optional<SimulatedChat.Button> rating =
          button(message, Integer.toString(3 + random.nextInt(3)));
      Optional<SimulatedChat.Button> learning =
          button(message, random.nextInt(4) == 0 ? "Partly" : "Yes");
      if (rating.isEmpty() || learning.isEmpty()) {
        continue;
      }
      Instant when = workingHour(clock.instant().plus(Duration.ofHours(random.nextInt(24))), 16);
      agenda.at(
          when,
          () -> {
            for (SimulatedChat.Button click : List.of(rating.get(), learning.get())) {
              out.println(Transcript.clicked(person, click.label()));
              out.println(Transcript.answered(chat.click(person, click)));
            }
            tally.checkIns++;
          });
    }
  }

  private static Optional<SimulatedChat.Button> button(
      SimulatedChat.Delivered message, String label) {
    return message.buttons().stream().filter(b -> b.label().equals(label)).findFirst();
  }
}
