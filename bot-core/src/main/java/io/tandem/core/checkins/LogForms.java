package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.port.in.Reply;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check-in form and the reading of it. Five inputs, Discord's most: date and length together,
 * topics, what I taught and learned (one box, two labelled parts), how useful 1–5, and a private
 * note to self. Pure: no storage.
 */
final class LogForms {

  static final String PREFIX = "log:";
  static final String NEW = "log:new";
  static final String EDIT = "log:edit:";

  private static final Pattern TAUGHT = Pattern.compile("(?im)^\\s*taught\\s*:\\s*");
  private static final Pattern LEARNED = Pattern.compile("(?im)^\\s*learned\\s*:\\s*");

  /** What a filled-in form says. */
  record Entry(
      LocalDate date,
      int minutes,
      String topic,
      String taught,
      String learned,
      Integer usefulness,
      String privateNote) {}

  record Problem(String inputId, String message) {}

  record Result(Entry entry, Problem problem) {}

  private LogForms() {}

  static boolean handles(String formId) {
    return formId.startsWith(NEW) || formId.startsWith(EDIT);
  }

  static Optional<Long> editedNote(String formId) {
    if (!formId.startsWith(EDIT)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(formId.substring(EDIT.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Reply.Form form(String formId, String title, Map<String, String> values) {
    return new Reply.Form(
        formId,
        title,
        "Save",
        java.util.List.of(
            input("when", "Date and length", false, false, values, "2026-05-04 45m"),
            input("topic", "Topics", false, true, values, "Instagram reels, hooks"),
            input(
                "exchange",
                "What I taught / what I learned",
                true,
                true,
                values,
                "Taught: …\nLearned: …"),
            input("useful", "How useful was it? 1-5", false, true, values, "4"),
            input("note", "Private note to self (only you see it)", true, true, values, null)));
  }

  static Map<String, String> blank(LocalDate day, Integer minutes, String topic) {
    Map<String, String> values = new HashMap<>();
    values.put("when", day + " " + (minutes == null ? "45m" : minutes + "m"));
    if (topic != null && !topic.isBlank()) {
      values.put("topic", topic);
    }
    values.put("exchange", "Taught: \nLearned: ");
    return values;
  }

  static Map<String, String> values(SessionNote note, String localDate) {
    Map<String, String> values = new HashMap<>();
    values.put("when", localDate + " " + note.getMinutes() + "m");
    values.put("topic", note.getTopic());
    values.put("exchange", "Taught: " + note.getTaught() + "\nLearned: " + note.getLearned());
    if (note.getUsefulness() != null) {
      values.put("useful", note.getUsefulness().toString());
    }
    values.put("note", note.getPrivateNote());
    return values;
  }

  static Result read(Map<String, String> values, LocalDate today) {
    Result when = readWhen(value(values, "when"), today);
    if (when.problem() != null) {
      return when;
    }
    String topic = value(values, "topic");
    if (topic.length() > Command.MAX_TOPIC_LENGTH) {
      return problem("topic", "Keep the topics to " + Command.MAX_TOPIC_LENGTH + " characters.");
    }
    String exchange = value(values, "exchange");
    if (exchange.length() > 2000) {
      return problem("exchange", "Keep what you taught and learned to 2000 characters.");
    }
    String[] parts = split(exchange);
    String usefulText = value(values, "useful");
    Integer useful = null;
    if (!usefulText.isEmpty()) {
      if (!usefulText.matches("[1-5]")) {
        return problem(
            "useful", "`" + usefulText + "` is not a rating; use 1 (not useful) to 5 (very).");
      }
      useful = Integer.parseInt(usefulText);
    }
    String note = value(values, "note");
    if (note.length() > 2000) {
      return problem("note", "Keep the note to 2000 characters.");
    }
    Entry read = when.entry();
    return new Result(
        new Entry(read.date(), read.minutes(), topic, parts[0], parts[1], useful, note), null);
  }

  /** The "Date and length" box: an entry with only its date (default today) and minutes. */
  private static Result readWhen(String when, LocalDate today) {
    LocalDate date = null;
    Integer minutes = null;
    for (String word : when.split("[\\s,]+")) {
      if (word.isEmpty()) {
        continue;
      }
      Optional<Integer> m = CommandParser.minutes(word);
      String lower = word.toLowerCase(Locale.ROOT);
      if (m.isPresent() && minutes == null && !word.contains("-")) {
        minutes = m.get();
      } else if (date == null
          && (lower.matches("\\d{4}-\\d{1,2}-\\d{1,2}")
              || lower.equals("today")
              || lower.equals("yesterday"))) {
        Optional<Command.Day> day = Command.Day.parse(word);
        if (day.isEmpty()) {
          return problem("when", "`" + word + "` is not a date; use the form 2026-05-04.");
        }
        date = day.get().in(today);
      } else {
        return problem(
            "when",
            "`" + word + "` is neither a date nor a length; write them like `2026-05-04 45m`.");
      }
    }
    if (minutes == null) {
      return problem("when", "Say how long you met, like `45m` or `1h30m`, after the date.");
    }
    if (minutes < 1 || minutes > Command.MAX_SESSION_MINUTES) {
      return problem(
          "when",
          "A session lasts from 1 minute to "
              + Command.MAX_SESSION_MINUTES / 60
              + " hours; `"
              + when
              + "` is outside that.");
    }
    return new Result(new Entry(date == null ? today : date, minutes, "", "", "", null, ""), null);
  }

  /** {@code Taught: …} and {@code Learned: …} parts; unlabelled text counts as learned. */
  static String[] split(String exchange) {
    Matcher taught = TAUGHT.matcher(exchange);
    Matcher learned = LEARNED.matcher(exchange);
    boolean hasTaught = taught.find();
    boolean hasLearned = learned.find();
    if (!hasTaught && !hasLearned) {
      return new String[] {"", exchange.strip()};
    }
    String t = "";
    String l = "";
    if (hasTaught && hasLearned) {
      if (taught.start() < learned.start()) {
        t = exchange.substring(taught.end(), learned.start());
        l = exchange.substring(learned.end());
      } else {
        l = exchange.substring(learned.end(), taught.start());
        t = exchange.substring(taught.end());
      }
    } else if (hasTaught) {
      t = exchange.substring(taught.end());
    } else {
      l = exchange.substring(learned.end());
    }
    return new String[] {t.strip(), l.strip()};
  }

  private static Result problem(String inputId, String message) {
    return new Result(null, new Problem(inputId, message));
  }

  private static String value(Map<String, String> values, String id) {
    String v = values.get(id);
    return v == null ? "" : v.strip();
  }

  private static Reply.Input input(
      String id,
      String label,
      boolean multiline,
      boolean optional,
      Map<String, String> values,
      String placeholder) {
    return new Reply.Input(id, label, multiline, optional, values.get(id), placeholder);
  }
}
