package io.tandem.core.surveys;

import static io.tandem.core.surveys.SurveyTimes.day;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.surveys.SurveyTemplate.Question;
import io.tandem.core.surveys.SurveyTemplate.Type;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What surveys say to admins and participants. */
final class SurveyMessages {

  static final String SEND_EXAMPLE = "survey send monthly-pulse";
  static final String SCHEDULE_EXAMPLE = "survey schedule monthly-pulse monthly on day 1 at 10:00";

  private SurveyMessages() {}

  // ---------------------------------------------------------------- admins

  static Reply unknownTemplate(String id, Set<String> templates) {
    return Reply.error(
        "There is no survey template called `"
            + id
            + "`; the templates are: "
            + templates.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "))
            + ".",
        SEND_EXAMPLE);
  }

  static Reply noProgram(String name) {
    return Reply.error(
        name == null
            ? "Name the program to survey; there is more than one, or none yet."
            : "There is no program called *" + Markup.text(name) + "* here.",
        SEND_EXAMPLE + " Data pilot");
  }

  static Reply nobodyInAudience(Program program, SurveyTemplate template) {
    return Reply.error(
        "Nobody in *"
            + Markup.text(program.getName())
            + "* is in this survey's audience ("
            + template.audience().name().toLowerCase(Locale.ROOT)
            + ") yet.",
        "survey send " + template.id() + " " + Markup.text(program.getName()));
  }

  static Reply sent(SurveyRun r, Program program) {
    return Reply.success(
        "Sent *"
            + Markup.text(r.title())
            + "* (run #"
            + r.id()
            + ") to "
            + r.invited()
            + (r.invited() == 1 ? " person" : " people")
            + " in *"
            + Markup.text(program.getName())
            + "*, "
            + (r.anonymous() ? "anonymously" : "with names")
            + ". Non-respondents are reminded on "
            + day(r.remindAt())
            + "; it closes on "
            + day(r.closesAt())
            + ". Read the results with `"
            + Markup.command("survey results " + r.id())
            + "`.",
        List.of());
  }

  static Reply neverFires() {
    return Reply.error("That schedule never fires.", SCHEDULE_EXAMPLE);
  }

  static Reply scheduled(SurveyTemplate template, Program program, SurveySchedule schedule) {
    ZoneId zone = schedule.zone();
    return Reply.success(
        "Scheduled *"
            + Markup.text(template.title())
            + "* for *"
            + Markup.text(program.getName())
            + "* "
            + schedule.spec()
            + " ("
            + zone.getId()
            + "), schedule #"
            + schedule.id()
            + ". First send: "
            + ZonedDateTime.ofInstant(schedule.nextAt(), zone)
                .toLocalDateTime()
                .toString()
                .replace('T', ' ')
            + ". Stop it with `"
            + Markup.command("survey cancel schedule " + schedule.id())
            + "`.",
        List.of());
  }

  static Reply noSurveys() {
    return Reply.info("No surveys yet.", List.of());
  }

  static Reply.Field runLine(SurveyRun run, long answered, Instant now) {
    return new Reply.Field(
        "Run #" + run.id() + ": " + Markup.text(run.title()),
        answered
            + " of "
            + run.invited()
            + " answered · "
            + (run.closedAt(now) ? "closed" : "open until " + day(run.closesAt()))
            + " · sent "
            + day(run.openedAt()));
  }

  static Reply.Field scheduleLine(SurveySchedule schedule) {
    return new Reply.Field(
        "Schedule #" + schedule.id() + ": " + schedule.templateId(),
        schedule.spec() + " (" + schedule.zone().getId() + "), next " + day(schedule.nextAt()));
  }

  static Reply list(List<Reply.Field> fields, Set<String> templates) {
    return Reply.info(
        (fields.isEmpty() ? "No survey runs or schedules yet." : "*Pulse surveys*")
            + "\nTemplates: "
            + templates.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")),
        fields);
  }

  static Reply noSchedule(long id) {
    return Reply.error("There is no active schedule #" + id + ".", "survey list");
  }

  static Reply scheduleCancelled(long id) {
    return Reply.success("Schedule #" + id + " is cancelled.", List.of());
  }

  static Reply noRun(long id) {
    return Reply.error("There is no survey run #" + id + ".", "survey list");
  }

  static Reply alreadyClosed(long id) {
    return Reply.info("Run #" + id + " is already closed.", List.of());
  }

  static Reply closedNow(long id) {
    return Reply.success(
        "Closed run #"
            + id
            + " now; no further answers are accepted. Results: `"
            + Markup.command("survey results " + id)
            + "`.",
        List.of());
  }

  static Reply resultsSent(SurveyResults results, int charts) {
    return Reply.success(
        "Sent you the results of *"
            + Markup.text(results.title())
            + "* (run #"
            + results.runId()
            + ", "
            + results.answered()
            + " of "
            + results.invited()
            + " answered) as a direct message, with "
            + (charts == 1 ? "a chart" : charts + " charts")
            + ".",
        List.of());
  }

  static Reply resultsUnchanged(SurveyResults results) {
    return Reply.info(
        "The results of *"
            + Markup.text(results.title())
            + "* (run #"
            + results.runId()
            + ") have not changed since I sent them to you as a direct message.",
        List.of());
  }

  // ---------------------------------------------------------------- participants

  /** The DM that asks a person to answer (or reminds them), with its buttons. */
  static Reply invitation(SurveyRun run, Program program, boolean reminder, int threshold) {
    StringBuilder text = new StringBuilder();
    text.append(reminder ? "*Reminder:* " : "")
        .append("*")
        .append(Markup.text(run.title()))
        .append("* — a short survey from *")
        .append(Markup.text(program.getName()))
        .append("*. ")
        .append(privacy(run, threshold))
        .append(" It closes on ")
        .append(day(run.closesAt()))
        .append(".\n");
    List<Reply.Button> buttons = new ArrayList<>();
    if (SurveyForm.inline(run)) {
      Question q = run.questions().get(0);
      text.append("*").append(q.text()).append("*\n").append(scaleHint(q.type()));
      for (int v = q.type().low(); v <= q.type().high(q); v++) {
        buttons.add(
            new Reply.Button(
                SurveysFeature.ANSWER_ACTION, Integer.toString(v), run.id() + ":" + v, null));
      }
    } else {
      for (int i = 0; i < run.questions().size(); i++) {
        text.append(i + 1).append(". ").append(run.questions().get(i).text()).append('\n');
      }
      buttons.add(
          new Reply.Button(
              SurveysFeature.OPEN_ACTION,
              "Answer (" + run.questions().size() + " questions)",
              Long.toString(run.id()),
              Reply.Button.Style.PRIMARY));
    }
    return Reply.info(text.toString().strip(), List.of()).withButtons(buttons);
  }

  static String privacy(SurveyRun run, int threshold) {
    return run.anonymous()
        ? "It is *anonymous*: your answers are stored without your name, and results show only"
            + " when at least "
            + threshold
            + " people have answered."
        : "It is *named*: your answers are stored with your name.";
  }

  private static String scaleHint(Type type) {
    return type == Type.NPS
        ? "0 = not at all likely, 10 = extremely likely"
        : "1 = strongly disagree, 5 = strongly agree";
  }

  static Reply buttonInactive() {
    return Reply.error("That survey button is no longer active.", "help");
  }

  static Reply formInactive() {
    return Reply.error("That form is no longer active.", "help");
  }

  static Reply notAnAnswer() {
    return Reply.error("That is not an answer to this survey.", "help");
  }

  static Reply gone() {
    return Reply.error("That survey no longer exists.", "status");
  }

  static Reply notSentToYou(SurveyRun run) {
    return Reply.error(
        "*"
            + Markup.text(run.title())
            + "* was not sent to you, so Tandem did not record an answer. If you think it"
            + " should have been, ask your program admin.",
        "status");
  }

  static Reply closed(SurveyRun run) {
    return Reply.error(
        "*"
            + Markup.text(run.title())
            + "* closed on "
            + day(run.closesOrClosedAt())
            + ", so answers are no longer accepted. Thanks for wanting to answer!",
        "status");
  }

  static Reply alreadyAnswered(SurveyRun run) {
    return Reply.info(
        "You already answered *"
            + Markup.text(run.title())
            + "*; your first answer counts. Thank you!",
        List.of());
  }

  static Reply clickRecorded(SurveyRun run, int answer) {
    return Reply.success(
        "Thanks! Your answer ("
            + answer
            + ") to *"
            + Markup.text(run.title())
            + "* is recorded"
            + (run.anonymous() ? " anonymously." : " with your name."),
        List.of());
  }

  static Reply formRecorded(SurveyRun run) {
    return Reply.success(
        "Thanks! Your answers to *"
            + Markup.text(run.title())
            + "* are recorded"
            + (run.anonymous() ? " anonymously." : " with your name."),
        List.of());
  }

  static String badAnswer(int number, Question q) {
    return switch (q.type()) {
      case LIKERT -> "Answer question " + number + " with a number from 1 to 5.";
      case NPS -> "Answer question " + number + " with a number from 0 to 10.";
      default ->
          "Answer question " + number + " with one of: " + String.join(", ", q.choices()) + ".";
    };
  }
}
