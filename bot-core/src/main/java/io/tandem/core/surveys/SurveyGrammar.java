package io.tandem.core.surveys;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser.Parsed;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Admins' pulse survey grammar.
 *
 * <pre>
 * survey send TEMPLATE [program]
 * survey results N
 * survey list
 * survey cancel N | survey cancel schedule N
 * survey schedule TEMPLATE monthly on day D at HH:MM [for PROGRAM]
 * survey schedule TEMPLATE weekly on mon at HH:MM [for PROGRAM]
 * survey schedule TEMPLATE 0 0 10 1 * ? [for PROGRAM]      (a Quartz cron expression)
 * </pre>
 */
public final class SurveyGrammar {

  public static final String SEND_EXAMPLE = "survey send monthly-pulse";
  static final String RESULTS_EXAMPLE = "survey results 1";
  static final String SCHEDULE_EXAMPLE = "survey schedule monthly-pulse monthly on day 1 at 10:00";

  private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,9})");
  private static final Pattern MONTHLY =
      Pattern.compile("monthly on day (\\d{1,2}) at (\\d{1,2}):(\\d{2})", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEEKLY =
      Pattern.compile(
          "weekly on (mon|tue|wed|thu|fri|sat|sun)\\w* at (\\d{1,2}):(\\d{2})",
          Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> DAYS =
      Map.of(
          "mon", "MON", "tue", "TUE", "wed", "WED", "thu", "THU", "fri", "FRI", "sat", "SAT", "sun",
          "SUN");

  private SurveyGrammar() {}

  public static Parsed survey(String rest) {
    List<String> words = rest.isBlank() ? List.of() : Arrays.asList(rest.strip().split("\\s+"));
    if (words.isEmpty()) {
      return reject(
          "Say what to do with surveys: send, schedule, results, list or cancel.", SEND_EXAMPLE);
    }
    String sub = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    switch (sub) {
      case "send":
        if (args.isEmpty()) {
          return reject("Name the survey template to send.", SEND_EXAMPLE);
        }
        String program = args.size() > 1 ? String.join(" ", args.subList(1, args.size())) : null;
        return accept(new SurveyCommand.Send(args.get(0).toLowerCase(Locale.ROOT), program));
      case "results":
        return number(args)
            .map(n -> accept(new SurveyCommand.Results(n)))
            .orElseGet(
                () -> reject("Say which run, by the number `survey list` shows.", RESULTS_EXAMPLE));
      case "list":
        return args.isEmpty()
            ? accept(new SurveyCommand.ListRuns())
            : reject("`survey list` takes no arguments.", "survey list");
      case "cancel":
        {
          boolean schedule = !args.isEmpty() && args.get(0).equalsIgnoreCase("schedule");
          List<String> n = schedule ? args.subList(1, args.size()) : args;
          return number(n)
              .map(id -> accept(new SurveyCommand.Cancel(id, schedule)))
              .orElseGet(
                  () ->
                      reject(
                          "Say which run (or `schedule N`) to cancel, by the number `survey"
                              + " list` shows.",
                          "survey cancel 2"));
        }
      case "schedule":
        return schedule(args);
      default:
        return reject(
            "`"
                + words.get(0)
                + "` is not something Tandem does with surveys; use send, schedule,"
                + " results, list or cancel.",
            SEND_EXAMPLE);
    }
  }

  private static Parsed schedule(List<String> args) {
    if (args.size() < 2) {
      return reject("Name the template and when to send it.", SCHEDULE_EXAMPLE);
    }
    String template = args.get(0).toLowerCase(Locale.ROOT);
    String when = String.join(" ", args.subList(1, args.size()));
    String program = null;
    int forAt = when.toLowerCase(Locale.ROOT).lastIndexOf(" for ");
    if (forAt > 0) {
      program = when.substring(forAt + 5).strip();
      when = when.substring(0, forAt).strip();
    }
    String cron;
    Matcher monthly = MONTHLY.matcher(when);
    Matcher weekly = WEEKLY.matcher(when);
    if (monthly.matches()) {
      int day = Integer.parseInt(monthly.group(1));
      if (day < 1 || day > 28) {
        return reject(
            "Day " + day + " is not in every month; use a day from 1 to 28.", SCHEDULE_EXAMPLE);
      }
      Integer[] time = time(monthly.group(2), monthly.group(3));
      if (time == null) {
        return reject("`" + when + "` has no valid time; use 24-hour HH:MM.", SCHEDULE_EXAMPLE);
      }
      cron = "0 " + time[1] + " " + time[0] + " " + day + " * ?";
    } else if (weekly.matches()) {
      Integer[] time = time(weekly.group(2), weekly.group(3));
      if (time == null) {
        return reject("`" + when + "` has no valid time; use 24-hour HH:MM.", SCHEDULE_EXAMPLE);
      }
      cron =
          "0 "
              + time[1]
              + " "
              + time[0]
              + " ? * "
              + DAYS.get(weekly.group(1).toLowerCase(Locale.ROOT));
    } else if (org.quartz.CronExpression.isValidExpression(when)) {
      cron = when;
    } else {
      return reject(
          "`"
              + when
              + "` is not a schedule; say `monthly on day 1 at 10:00`, `weekly on mon at"
              + " 10:00` or give a Quartz cron expression like `0 0 10 1 * ?`.",
          SCHEDULE_EXAMPLE);
    }
    return accept(new SurveyCommand.ScheduleSend(template, cron, when, program));
  }

  private static Integer[] time(String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    return h > 23 || m > 59 ? null : new Integer[] {h, m};
  }

  private static java.util.Optional<Long> number(List<String> args) {
    if (args.size() != 1) {
      return java.util.Optional.empty();
    }
    Matcher m = NUMBER.matcher(args.get(0));
    return m.matches() && Long.parseLong(m.group(1)) > 0
        ? java.util.Optional.of(Long.parseLong(m.group(1)))
        : java.util.Optional.empty();
  }

  private static Parsed accept(Command command) {
    return new Parsed.Accepted(command);
  }

  private static Parsed reject(String problem, String example) {
    return new Parsed.Rejected(problem, example);
  }
}
