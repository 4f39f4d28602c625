package io.tandem.demo;

/** What the pilot has produced so far, counted as the people saw it. */
final class Tally {

  int sessionsLogged;
  int reminders;
  int nudges;
  int adminAlerts;
  int surveyAnswers;
  int checkIns;

  /** The counts for the progress line and the summary. */
  String line() {
    return String.join(
        " · ",
        counted(sessionsLogged, "session", "sessions") + " logged",
        counted(reminders, "reminder", "reminders"),
        counted(nudges, "nudge", "nudges"),
        counted(adminAlerts, "admin alert", "admin alerts"),
        counted(checkIns, "check-in", "check-ins") + " answered");
  }

  static String counted(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
