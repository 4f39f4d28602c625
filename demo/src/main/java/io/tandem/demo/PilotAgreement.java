package io.tandem.demo;

import static io.tandem.demo.Agenda.workingHour;

import io.tandem.core.agreement.AgreementFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the pilot's pairs settle their working agreement: each mentor answers with the way to meet
 * their profile prefers and the program's weekly rhythm, each mentee follows (they talked after the
 * introduction), except the first pair's mentee, who would rather meet the other way every two
 * weeks, and then accepts her mentor's answer when both see the difference. The quiet pair never
 * answers. When asked at mid-program, each mentor says it still holds.
 */
final class PilotAgreement {

  private final SimulatedChat chat;
  private final ShiftableClock clock;
  private final List<SamplePeople.Person> people;
  private final Agenda agenda;
  private final PrintWriter out;
  private List<Pilot.Pair> pairs = List.of();
  private Pilot.Pair differs;
  private Pilot.Pair quiet;

  PilotAgreement(
      SimulatedChat chat,
      ShiftableClock clock,
      List<SamplePeople.Person> people,
      Agenda agenda,
      PrintWriter out) {
    this.chat = chat;
    this.clock = clock;
    this.people = people;
    this.agenda = agenda;
    this.out = out;
  }

  /** The pairs now; the first one's answers differ, the quiet one never answers. */
  void paired(List<Pilot.Pair> now, Pilot.Pair quiet) {
    if (differs == null && !now.isEmpty()) {
      differs = now.get(0);
    }
    this.pairs = now;
    this.quiet = quiet;
  }

  /** Reacts to the agreement's messages: the question, a difference, the mid-program question. */
  void received(SimulatedChat.Delivered message) {
    String text = message.text();
    if (text.contains("Your working agreement with")) {
      message
          .to()
          .forEach(person -> pairOf(person, text).ifPresent(pair -> answer(person, pair, message)));
    } else if (text.contains("working agreements differ")) {
      message.to().stream()
          .filter(person -> differs != null && person.equals(differs.mentee()))
          .forEach(person -> acceptMentor(person, message));
    } else if (text.contains("Does that still hold?")) {
      message.to().stream()
          .filter(person -> pairs.stream().anyMatch(p -> p.mentor().equals(person)))
          .limit(1)
          .forEach(person -> click(person, button(message, AgreementFeature.HOLDS_ACTION, null)));
    }
  }

  private void answer(String person, Pilot.Pair pair, SimulatedChat.Delivered question) {
    if (pair.equals(quiet)) {
      return;
    }
    String mentorWay = communication(pair.mentor());
    boolean different = pair.equals(differs) && person.equals(pair.mentee());
    String way = different ? ("call".equals(mentorWay) ? "chat" : "call") : mentorWay;
    String often = different ? "Every two weeks" : "Weekly";
    String note = different ? "Mornings suit me best" : "";
    int hour = person.equals(pair.mentor()) ? 10 : 15;
    agenda.at(
        workingHour(clock.instant().plus(Duration.ofDays(1)), hour),
        () -> {
          click(person, button(question, AgreementFeature.MEET_ACTION, way));
          click(person, button(question, AgreementFeature.OFTEN_ACTION, often));
          SimulatedChat.Button confirm = button(question, AgreementFeature.CONFIRM_ACTION, null);
          out.println(Transcript.clicked(person, confirm.label()));
          SimulatedChat.Answer form =
              chat.clickForForm(person, confirm.actionId(), confirm.value());
          out.println(Transcript.filledIn(Map.of("note", note)));
          out.println(
              Transcript.answered(chat.fill(person, form, Map.of(AgreementFeature.NOTE, note)), 2));
        });
  }

  /** Clicks the mentor's side (the first of each two buttons) of every term that differs. */
  private void acceptMentor(String mentee, SimulatedChat.Delivered difference) {
    List<SimulatedChat.Button> sides =
        difference.buttons().stream()
            .filter(b -> b.actionId().equals(AgreementFeature.SETTLE_ACTION))
            .toList();
    agenda.at(
        workingHour(clock.instant().plus(Duration.ofHours(3)), 16),
        () -> {
          for (int i = 0; i < sides.size(); i += 2) {
            click(mentee, sides.get(i));
          }
        });
  }

  private void click(String person, SimulatedChat.Button button) {
    out.println(Transcript.clicked(person, button.label()));
    out.println(Transcript.answered(chat.click(person, button), 2));
  }

  private static SimulatedChat.Button button(
      SimulatedChat.Delivered message, String actionId, String labelOrValue) {
    return message.buttons().stream()
        .filter(b -> b.actionId().equals(actionId))
        .filter(
            b ->
                labelOrValue == null
                    || b.label().equalsIgnoreCase(labelOrValue)
                    || b.value().endsWith(":" + labelOrValue))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no button " + actionId + " " + labelOrValue));
  }

  /** The person's pair that the question names. */
  private Optional<Pilot.Pair> pairOf(String person, String question) {
    String lower = question.toLowerCase(java.util.Locale.ROOT);
    return pairs.stream()
        .filter(
            p ->
                (p.mentor().equals(person) && lower.contains("with " + p.mentee()))
                    || (p.mentee().equals(person) && lower.contains("with " + p.mentor())))
        .findFirst();
  }

  private String communication(String person) {
    return people.stream()
        .filter(p -> p.name().equals(person))
        .map(p -> p.about().get("communication"))
        .findFirst()
        .orElse("chat");
  }
}
