package io.tandem.core.calendar;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What the calendar says to pairs. Pure: no storage. */
final class CalendarMessages {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private CalendarMessages() {}

  /** {@code Tue 8 Dec · 14:00} in {@code zone}. */
  static String when(Instant at, ZoneId zone) {
    return DAY.format(at.atZone(zone)) + " · " + TIME.format(at.atZone(zone));
  }

  /** {@code Berlin} for {@code Europe/Berlin}, {@code UTC} for an offset. */
  static String place(ZoneId zone) {
    if (zone instanceof ZoneOffset) {
      return "UTC" + (zone.equals(ZoneOffset.UTC) ? "" : zone.getId());
    }
    String id = zone.getId();
    return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
  }

  /**
   * One slot as both read it: {@code Tue 8 Dec · 14:00 for Ana (Berlin) · 13:00 for Ben (London)}.
   */
  static String slotLine(Instant slot, List<Meetings.Side> sides) {
    Meetings.Side first = sides.get(0);
    Meetings.Side second = sides.get(1);
    String line =
        when(slot, first.zone())
            + " for "
            + Meetings.name(first)
            + " ("
            + place(first.zone())
            + ")";
    boolean sameDay =
        slot.atZone(first.zone()).toLocalDate().equals(slot.atZone(second.zone()).toLocalDate());
    return line
        + " · "
        + (sameDay ? TIME.format(slot.atZone(second.zone())) : when(slot, second.zone()))
        + " for "
        + Meetings.name(second)
        + " ("
        + place(second.zone())
        + ")";
  }

  /** The short form of a slot for a button: the first person's day and both local times. */
  private static String slotLabel(Instant slot, List<Meetings.Side> sides) {
    String first = when(slot, sides.get(0).zone());
    String second = TIME.format(slot.atZone(sides.get(1).zone()));
    return first.endsWith(second) ? first : first + " / " + second;
  }

  /** The times both are free, one button each, another day, and the repeating option. */
  static Reply proposal(
      Program program, Pair pair, List<Meetings.Side> sides, List<Instant> slots, boolean first) {
    if (slots.isEmpty()) {
      return Reply.publicly(
          "*When will you meet?* Your weekly free hours don't overlap in the coming weeks, so"
              + " Tandem can't propose a time. Agree on one here in this chat — and if your hours"
              + " have changed, update them with `"
              + Markup.command("profile")
              + "`.",
          List.of());
    }
    StringBuilder text =
        new StringBuilder(
            first
                ? "*When will you meet?* The next times you're both free for "
                : "*More times you're both free* for ");
    text.append(Meetings.LENGTH.toMinutes()).append(" minutes:");
    List<Reply.Button> buttons = new ArrayList<>();
    for (Instant slot : slots) {
      text.append("\n• ").append(slotLine(slot, sides));
      buttons.add(new Reply.Button(PickSlot.PICK, slotLabel(slot, sides), value(pair, slot), null));
    }
    text.append(
        "\nPick one and Tandem sends you both a calendar invitation. Or make it a standing date"
            + " every "
            + program.getCadenceDays()
            + " days, starting with the first.");
    Instant last = slots.get(slots.size() - 1);
    buttons.add(
        new Reply.Button(
            PickSlot.MORE,
            "Pick another day",
            value(pair, last.plus(java.time.Duration.ofDays(1))),
            null));
    buttons.add(
        new Reply.Button(
            PickSlot.REPEAT,
            "Repeat every " + program.getCadenceDays() + " days",
            value(pair, slots.get(0)),
            null));
    return new Reply(
        Reply.Kind.INFO, Reply.Visibility.PUBLIC, text.toString(), List.of(), buttons, null);
  }

  /** A button's value: {@code pairId:epochSecond}. */
  static String value(Pair pair, Instant at) {
    return pair.getId() + ":" + at.getEpochSecond();
  }

  /** The next session as one line, in the reader's zone. */
  static Function<ZoneId, String> nextLine(PlannedSession session) {
    return zone ->
        when(session.getNextAt(), zone)
            + " ("
            + session.getLength().toMinutes()
            + " min"
            + (session.getRepeatDays() == null
                ? ""
                : ", every " + session.getRepeatDays() + " days")
            + ")";
  }

  /** What each person reads with the invitation file. */
  static Reply invited(PlannedSession session, Meetings.Side reader, Meetings.Side partner) {
    return Reply.info(
        (session.getSequence() == 0 ? "*Your session with " : "*Moved: your session with ")
            + Meetings.name(partner)
            + "* is on "
            + when(session.getStartsAt(), reader.zone())
            + " your time ("
            + place(reader.zone())
            + "), "
            + session.getLength().toMinutes()
            + " minutes"
            + (session.getRepeatDays() == null
                ? ""
                : ", repeating every " + session.getRepeatDays() + " days")
            + ". Open the attached invitation to add it to your calendar"
            + (session.getSequence() == 0 ? "." : "; it updates the one you have."),
        List.of());
  }

  static Reply cancelled(PlannedSession session, Meetings.Side reader) {
    return Reply.info(
        "Your pairing has ended, so your planned Tandem session of "
            + when(session.getStartsAt(), reader.zone())
            + " is cancelled. Open the attached file to remove it from your calendar.",
        List.of());
  }

  /** The friendly question after a planned session passed with nothing logged. */
  static Reply didYouMeet(PlannedSession session, List<Meetings.Side> sides) {
    Instant at = session.getNextAt();
    String day = at.atZone(sides.get(0).zone()).toLocalDate().toString();
    String value = session.getPairId() + ":" + at.getEpochSecond();
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PUBLIC,
        "*Did you meet?* "
            + Meetings.name(sides.get(0))
            + " and "
            + Meetings.name(sides.get(1))
            + ", your session was planned for "
            + slotLine(at, sides)
            + ", and nothing is logged yet. One click is enough:",
        List.of(),
        List.of(
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION,
                "Yes, log it",
                "log "
                    + session.getLength().toMinutes()
                    + "m planned session on "
                    + day
                    + " pair:"
                    + session.getPairId(),
                Reply.Button.Style.PRIMARY),
            new Reply.Button(PickSlot.MORE, "No, pick a new time", value, null),
            new Reply.Button(PickSlot.SKIP, "Skip this one", value, null)),
        null);
  }

  /** A reminder's proposal of the next time both are free, for its reader. */
  static Reply.Button reminderButton(long pairId, Instant slot, ZoneId reader) {
    return new Reply.Button(
        PickSlot.PICK, "Book " + when(slot, reader), pairId + ":" + slot.getEpochSecond(), null);
  }
}
