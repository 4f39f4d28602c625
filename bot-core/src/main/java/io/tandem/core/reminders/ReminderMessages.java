package io.tandem.core.reminders;

import io.tandem.core.calendar.Meetings;
import io.tandem.core.calendar.SlotFinder;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What reminders and nudges say to pairs and admins. Pure: no storage. */
final class ReminderMessages {

  private ReminderMessages() {}

  static Reply notPaired() {
    return Reply.error(
        "You don't have a partner in a Tandem program right now, so there is nothing to remind"
            + " you about.",
        "status");
  }

  /**
   * The reminder, proposing the next time both are free unless a session is planned ({@code free},
   * from {@link #nextFree}).
   */
  static Reply reminder(
      PairPeople pp, PairPeople.Person person, Instant occurrence, Optional<Instant> free) {
    return Meetings.withSlot(
        cadenceReminder(pp, person, occurrence), pp.pair(), free, person.zone());
  }

  /** The next time both are free from {@code occurrence} on, the same in both reminders. */
  static Optional<Instant> nextFree(PairPeople pp, Instant occurrence) {
    return Meetings.nextFree(
        pp.pair(),
        pp.people().stream()
            .map(p -> SlotFinder.Person.of(p.zone(), p.participant().getAvailability()))
            .toList(),
        occurrence);
  }

  private static Reply cadenceReminder(
      PairPeople pp, PairPeople.Person person, Instant occurrence) {
    PairPeople.Person partner = pp.partnerOf(person.participant().getId());
    String last =
        pp.lastSession() == null
            ? "You haven't logged a session together yet."
            : "Your last session was on "
                + pp.lastSession().atZone(person.zone()).toLocalDate()
                + ".";
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "Time to meet *"
            + Markup.text(partner.name())
            + "* again! In *"
            + Markup.text(pp.program().getName())
            + "* you meet every "
            + pp.program().getCadenceDays()
            + " days, and your next session is due around "
            + occurrence.atZone(person.zone()).toLocalDate()
            + ". "
            + last,
        List.of(),
        reminderButtons(pp, partner),
        null);
  }

  /**
   * The buttons every reminder and nudge carries; each sends a command of the core grammar for this
   * pair ({@code pair:ID}), and the first names the partner, so that someone with several partners
   * knows which pair they act on.
   */
  static List<Reply.Button> reminderButtons(PairPeople pp, PairPeople.Person partner) {
    String pair = " pair:" + pp.pair().getId();
    return List.of(
        button("We met " + partner.name() + " — log it", "log" + pair, Reply.Button.Style.PRIMARY),
        button("Snooze 2 days", "snooze 2d" + pair, null),
        button("Pick another day", "snooze pick" + pair, null),
        button("We need help", "support" + pair, null));
  }

  static Reply.Button button(String label, String command, Reply.Button.Style style) {
    return new Reply.Button(CommandDispatcher.COMMAND_ACTION, label, command, style);
  }

  static Reply moved(String partnerName, LocalDate day) {
    return Reply.success(
        "Done: Tandem will remind you and "
            + Markup.text(partnerName)
            + " again on "
            + day
            + ". Log the session whenever you meet with `"
            + Markup.command("log")
            + "`.",
        List.of());
  }

  /** Step 1 and 2 of the ladder, or (3) a nudge an admin sent. */
  static Reply nudge(PairPeople pp, PairPeople.Person person, int step) {
    String partner = Markup.text(pp.partnerOf(person.participant().getId()).name());
    String text =
        step == 1
            ? "A gentle nudge: you and *"
                + partner
                + "* haven't logged a session in a while. Even 20 minutes counts — pick a time"
                + " that suits you both, and log it afterwards."
            : step == 2
                ? "Still no session logged with *"
                    + partner
                    + "*. Is something in the way? Snooze, pick another day, or tell us you need"
                    + " help — the program admins are happy to step in."
                : "A nudge from your program admins: time to meet *"
                    + partner
                    + "* again. Log it when you have.";
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        text,
        List.of(),
        reminderButtons(pp, pp.partnerOf(person.participant().getId())),
        null);
  }

  static Reply atRisk(PairPeople pp, PairPeople.Person person) {
    String partner = Markup.text(pp.partnerOf(person.participant().getId()).name());
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "You and *"
            + partner
            + "* have missed "
            + pp.program().getAtRiskRounds()
            + " rounds in a row. That happens! What would you like to do? Only you see this;"
            + " "
            + partner
            + " is asked separately.",
        List.of(),
        List.of(
            button(
                "Continue with " + pp.partnerOf(person.participant().getId()).name(),
                "continue pair:" + pp.pair().getId(),
                Reply.Button.Style.PRIMARY),
            button("Pause 2 weeks", "pause 2w pair:" + pp.pair().getId(), null),
            // ends this pairing only (asking first); both stay in the program for the next round
            button("End our pairing", "pair end pair:" + pp.pair().getId(), null),
            button(
                "Leave the program", "leave pair:" + pp.pair().getId(), Reply.Button.Style.DANGER)),
        null);
  }

  /** The admins' alert about a pair past due, with its history. */
  static Reply escalation(PairPeople pp, long daysPastDue, long reminders, long nudges) {
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "*A Tandem pair needs attention in "
            + Markup.text(pp.program().getName())
            + ".* "
            + Markup.text(pp.mentor().name())
            + " (mentor) and "
            + Markup.text(pp.mentee().name())
            + " (mentee) have not logged a session for "
            + daysPastDue
            + " days past their due date.",
        List.of(
            new Reply.Field("Paired on", PairPeople.occurrence(pp.pair().getCreatedAt())),
            new Reply.Field("Meets every", pp.program().getCadenceDays() + " days"),
            new Reply.Field("Sessions logged", Integer.toString(pp.sessions())),
            new Reply.Field(
                "Last session",
                pp.lastSession() == null ? "none yet" : PairPeople.occurrence(pp.lastSession())),
            new Reply.Field("Due since", PairPeople.occurrence(pp.due())),
            new Reply.Field("Reminders and nudges sent", reminders + " and " + nudges)),
        List.of(
            button("Nudge them now", CommandDispatcher.nudgeCommand(pp.mentor().userId()), null)),
        null);
  }
}
