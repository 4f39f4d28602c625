package io.tandem.demo;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The pilot's guidance: before matching, the admin rewrites the first-session agenda in its form,
 * so every introduction carries the pilot's own; later, the first reminder that suggests a session
 * agenda is shown in full (the transcript shows other reminders a line each).
 */
final class PilotGuidance {

  /** Where a reminder's suggested agenda starts, as the core writes it. */
  static final String AGENDA = "An agenda for your next session";

  static final String FIRST_SESSION =
      "*First session (45 minutes):* {mentor} shows one tool from their day; {mentee} picks one"
          + " task from theirs to try it on; agree on a time that repeats every {cadence} days."
          + " Log it afterwards with {log}.";

  private PilotGuidance() {}

  /** The admin opens the pilot's first-session agenda and saves the pilot's own. */
  static void tweakFirstSession(SimulatedChat chat, Conversation conversation, PrintWriter out) {
    conversation.heading("Guidance: the admin rewrites the first-session agenda before matching");
    String command = "guide edit first-session " + Pilot.PROGRAM;
    out.println(Transcript.said(Pilot.ADMIN, chat.typed(command).orElseThrow()));
    SimulatedChat.Answer form = chat.run(Pilot.ADMIN, command);
    out.println(Transcript.filledIn(Map.of("text", FIRST_SESSION)));
    SimulatedChat.Answer saved = chat.fill(Pilot.ADMIN, form, Map.of("text", FIRST_SESSION));
    out.println(Transcript.answered(saved, 4));
    out.println();
  }

  /**
   * The first reminder of the pilot that suggests an agenda, in full, when it is among {@code
   * fresh}; nothing otherwise.
   *
   * @param all every message delivered so far, oldest first
   */
  static List<String> firstAgenda(
      List<SimulatedChat.Delivered> all, List<SimulatedChat.Delivered> fresh) {
    return all.stream()
        .filter(d -> d.text().contains(AGENDA))
        .findFirst()
        .filter(fresh::contains)
        .map(d -> List.of(Transcript.delivered(String.join(", ", d.to()), d.text())))
        .orElse(List.of());
  }
}
