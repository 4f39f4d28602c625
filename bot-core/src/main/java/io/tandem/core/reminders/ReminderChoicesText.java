package io.tandem.core.reminders;

import io.tandem.core.home.ReminderChoicesForm;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** What {@code remind me} and the reminder form say. Pure: no storage. */
final class ReminderChoicesText {

  private ReminderChoicesText() {}

  static Reply unknown() {
    return Reply.error(
        "Tandem doesn't know you yet: join a program first, then choose when reminders reach you.",
        "join mentee");
  }

  /** A time Tandem won't send at: it is in the workspace's quiet hours. */
  static String quiet(LocalTime at, ReminderTimes.QuietHours quiet) {
    return "Tandem keeps quiet from "
        + quiet.start()
        + " to "
        + quiet.end()
        + ", so it can't remind you at "
        + at
        + "; choose a time between "
        + quiet.end()
        + " and "
        + quiet.start()
        + ".";
  }

  /**
   * {@code remind me}: the current choices.
   *
   * @param own whether the person chose any of them (otherwise they are the program's)
   */
  static Reply current(LocalTime time, boolean weekends, ZoneId zone, boolean own) {
    return choices(
        Reply.Kind.INFO,
        "Tandem reminds you at ",
        time,
        weekends,
        zone,
        (weekends ? "on any day of the week" : "on weekdays only")
            + (own ? "" : ", as your program does")
            + ". Change it with `"
            + Markup.command("remind me at 9:00")
            + "`, `"
            + Markup.command("remind me on weekends")
            + "` or `"
            + Markup.command("remind me not on weekends")
            + "`, or with the button.");
  }

  static Reply saved(LocalTime time, boolean weekends, ZoneId zone) {
    return choices(
        Reply.Kind.SUCCESS,
        "Done: Tandem reminds you at ",
        time,
        weekends,
        zone,
        (weekends ? "weekends included" : "on weekdays only")
            + ", in every pair you're in. Your partner's reminders follow their own choice.");
  }

  /** "{@code lead} *TIME* your time (ZONE), {@code rest}", the choices and the form's button. */
  private static Reply choices(
      Reply.Kind kind, String lead, LocalTime time, boolean weekends, ZoneId zone, String rest) {
    return new Reply(
        kind,
        Reply.Visibility.PRIVATE,
        lead + "*" + time + "* your time (" + Markup.text(zone.getId()) + "), " + rest,
        List.of(
            new Reply.Field("Time", time + " (" + Markup.text(zone.getId()) + ")"),
            new Reply.Field("Weekends", weekends ? "yes" : "no")),
        List.of(ReminderChoicesForm.button()),
        null);
  }
}
