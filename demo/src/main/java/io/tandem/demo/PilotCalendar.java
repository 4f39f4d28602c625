package io.tandem.demo;

import io.tandem.core.calendar.PickSlot;
import java.io.PrintWriter;

/**
 * How the pilot's people answer the calendar's proposals: the first pair offered times picks the
 * first of them, so the transcript shows a slot picked and both people's invitations sent.
 */
final class PilotCalendar {

  private final SimulatedChat chat;
  private final PrintWriter out;
  private boolean picked;

  PilotCalendar(SimulatedChat chat, PrintWriter out) {
    this.chat = chat;
    this.out = out;
  }

  /** Picks the first proposed time of the first proposal; later ones are left to the people. */
  void received(SimulatedChat.Delivered message) {
    if (picked || !message.text().contains("When will you meet?")) {
      return;
    }
    message.buttons().stream()
        .filter(b -> b.actionId().equals(PickSlot.PICK))
        .findFirst()
        .ifPresent(
            slot -> {
              picked = true;
              String person = message.to().get(0);
              out.println(Transcript.clicked(person, slot.label()));
              out.println(Transcript.answered(chat.click(person, slot)));
            });
  }
}
