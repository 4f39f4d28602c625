package io.tandem.core.home;

import io.tandem.core.port.in.Reply;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form on the Home (and behind {@code remind me}'s button) where a person chooses when
 * reminders reach them: a time of day in their own zone and whether weekends are welcome. The
 * reminders feature opens it and reads what was sent ({@code remind me at 9:00} does the same).
 */
public final class ReminderChoicesForm {

  /** The form's id. */
  public static final String FORM_ID = "reminders.choices";

  /** The button that opens the form. */
  public static final String OPEN_ACTION = "reminders.choices.open";

  /** The inputs' ids. */
  public static final String TIME = "time";

  public static final String WEEKENDS = "weekends";

  private ReminderChoicesForm() {}

  /** The form filled with {@code values} (input id to text). */
  public static Reply.Form form(Map<String, String> values) {
    return new Reply.Form(
        FORM_ID,
        "Your reminders",
        "Save",
        List.of(
            new Reply.Input(
                TIME, "Time of day, in your own time zone", false, false, values.get(TIME), "9:00"),
            new Reply.Input(
                WEEKENDS, "On weekends too? yes or no", false, false, values.get(WEEKENDS), "no")));
  }

  /** The form filled with the person's current choices. */
  public static Reply.Form form(LocalTime time, boolean weekends) {
    return form(Map.of(TIME, time.toString(), WEEKENDS, weekends ? "yes" : "no"));
  }

  /** The button that opens the form. */
  public static Reply.Button button() {
    return new Reply.Button(OPEN_ACTION, "Reminder times", "", null);
  }

  /** {@code buttons} and, last, the one that opens the form. */
  static List<Reply.Button> withButton(List<Reply.Button> buttons) {
    List<Reply.Button> all = new ArrayList<>(buttons);
    all.add(button());
    return all;
  }
}
