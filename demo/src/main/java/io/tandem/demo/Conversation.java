package io.tandem.demo;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * People typing commands in the simulated chat, and the transcript of what they and Tandem said.
 */
final class Conversation {

  private final SimulatedChat chat;
  private final PrintWriter out;

  Conversation(SimulatedChat chat, PrintWriter out) {
    this.chat = chat;
    this.out = out;
  }

  /**
   * {@code person} types {@code command}; the transcript shows it and up to {@code maxLines} of the
   * answer (0: all of it). Returns the answer, or nothing when the platform cannot send the
   * command.
   */
  String say(String person, String command, int maxLines) {
    Optional<String> typed = chat.typed(command);
    if (typed.isEmpty()) {
      return "";
    }
    SimulatedChat.Answer answer = chat.run(person, command);
    out.println(Transcript.said(person, typed.get()));
    out.println(Transcript.answered(answer, maxLines));
    out.flush();
    return answer.text();
  }

  void heading(String title) {
    out.println();
    out.println("── " + title + " ──");
    out.println();
    out.flush();
  }
}
