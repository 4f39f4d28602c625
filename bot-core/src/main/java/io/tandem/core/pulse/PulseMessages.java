package io.tandem.core.pulse;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.List;

/** What pair check-ins say, and the buttons that answer them. */
final class PulseMessages {

  private PulseMessages() {}

  /** The check-in itself: 1–5, yes/partly/no, and a button for the optional note. */
  static Reply question(long pairId, int point, String partnerName) {
    String partner = Markup.text(partnerName);
    String at = pairId + ":" + point + ":";
    List<Reply.Button> buttons = new ArrayList<>();
    for (int rating = 1; rating <= 5; rating++) {
      buttons.add(
          new Reply.Button(PulseFeature.RATE_ACTION, Integer.toString(rating), at + rating, null));
    }
    buttons.add(new Reply.Button(PulseFeature.LEARNING_ACTION, "Yes", at + "YES", null));
    buttons.add(new Reply.Button(PulseFeature.LEARNING_ACTION, "Partly", at + "PARTLY", null));
    buttons.add(new Reply.Button(PulseFeature.LEARNING_ACTION, "No", at + "NO", null));
    buttons.add(
        new Reply.Button(PulseFeature.NOTE_ACTION, "Add a note", pairId + ":" + point, null));
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "*Check-in: "
            + point
            + " days with "
            + partner
            + "*\nHow is it going? Pick 1 (not well) to 5 (very well)."
            + "\nIs "
            + partner
            + " learning from you? Yes, partly or no."
            + "\nOnly you see this; the program admins see totals from several people, never your"
            + " answer.",
        List.of(),
        buttons,
        null);
  }

  static Reply.Form noteForm(long pairId, int point, String note) {
    return new Reply.Form(
        PulseFeature.NOTE_FORM + pairId + ":" + point,
        "Check-in note",
        "Save",
        List.of(
            new Reply.Input(
                "note", "Anything to add? (only you see it)", true, true, note, "Optional")));
  }

  static Reply saved(PairCheckIn checkIn) {
    return Reply.success("Thanks, your check-in is saved: " + summary(checkIn) + ".", List.of());
  }

  /** A low answer: the support path, only if the person wants it. */
  static Reply askConsent(PairCheckIn checkIn) {
    String value = checkIn.pairId() + ":" + checkIn.pointDays();
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "Thanks for saying so: "
            + summary(checkIn)
            + ".\nWould you like us to tell the program admins? They would reach out to you;"
            + " nobody is told unless you say yes.",
        List.of(),
        List.of(
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION,
                "Yes, tell the admins",
                "support pair:" + checkIn.pairId(),
                Reply.Button.Style.PRIMARY),
            new Reply.Button(PulseFeature.DECLINE_ACTION, "No, thanks", value, null)),
        null);
  }

  static Reply declined() {
    return Reply.info(
        "All right, nobody is told. If you change your mind, `"
            + Markup.command("support")
            + "` asks the program admins for help.",
        List.of());
  }

  static Reply notYours() {
    return Reply.error(
        "This check-in belongs to someone else, so Tandem did not save your answer.", "status");
  }

  static Reply gone() {
    return Reply.info(
        "This check-in is no longer open: the pairing has ended or the point has passed.",
        List.of());
  }

  private static String summary(PairCheckIn c) {
    List<String> parts = new ArrayList<>();
    if (c.rating() != null) {
      parts.add("going " + c.rating() + " of 5");
    }
    if (c.learning() != null) {
      parts.add(
          switch (c.learning()) {
            case YES -> "partner learning: yes";
            case PARTLY -> "partner learning: partly";
            case NO -> "partner learning: no";
          });
    }
    if (c.note() != null) {
      parts.add("a note");
    }
    return String.join(", ", parts);
  }

  static String points(String program, CheckInPoints points, boolean changed) {
    return (changed ? "Done: pairs in *" : "Pairs in *")
        + Markup.text(program)
        + "* are asked how it is going "
        + (points.off() ? "never (check-ins are off)" : points.label())
        + ". Change it with `"
        + Markup.command(PulseGrammar.EXAMPLE)
        + "` or `"
        + Markup.command("program checkins off")
        + "`.";
  }
}
