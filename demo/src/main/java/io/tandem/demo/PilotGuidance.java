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

  private final SimulatedChat chat;
  private final Conversation conversation;
  private final PrintWriter out;
  private boolean agendaShown;

  PilotGuidance(SimulatedChat chat, Conversation conversation, PrintWriter out) {
    this.chat = chat;
    this.conversation = conversation;
    this.out = out;
  }

  /** The admin opens the first-session agenda of {@code program} and saves the pilot's own. */
  void tweakFirstSession(String admin, String program) {
    conversation.heading("Guidance: the admin rewrites the first-session agenda before matching");
    String command = "guide edit first-session " + program;
    out.println(Transcript.said(admin, chat.typed(command).orElseThrow()));
    SimulatedChat.Answer form = chat.run(admin, command);
    out.println(Transcript.filledIn(Map.of("text", FIRST_SESSION)));
    out.println(Transcript.answered(chat.fill(admin, form, Map.of("text", FIRST_SESSION)), 4));
    out.println();
  }

  /** The first reminder among {@code delivered} that suggests an agenda, in full; once. */
  List<String> firstAgenda(List<SimulatedChat.Delivered> delivered) {
    if (agendaShown) {
      return List.of();
    }
    return delivered.stream()
        .filter(d -> d.text().contains(AGENDA))
        .findFirst()
        .map(
            d -> {
              agendaShown = true;
              return List.of(Transcript.delivered(String.join(", ", d.to()), d.text()));
            })
        .orElse(List.of());
  }
}
