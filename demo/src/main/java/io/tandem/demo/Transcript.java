package io.tandem.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats a conversation as a readable chat transcript for the terminal. */
final class Transcript {

  private static final int NAME_WIDTH = 8;
  private static final java.util.regex.Pattern FIELD_LABEL =
      java.util.regex.Pattern.compile("(?m)^\\*([^*\\n]*[^*:\\n])\\*\\n(?=\\S)");
  private static final int BRIEF_LENGTH = 130;
  private static final int MAX_NAMES = 4;
  private static final String INDENT = " ".repeat(NAME_WIDTH + 3);

  private Transcript() {}

  /** What a person sent. */
  static String said(String person, String text) {
    return pad(person) + " › " + text;
  }

  /** What the profile form's fields are called in the transcript, page by page, in order. */
  private static final Map<String, String> ABOUT_LABELS =
      labels(
          "band", "seniority",
          "communication", "meets by",
          "department", "department",
          "timezone", "time zone",
          "manager", "manager");

  private static final Map<String, String> SKILLS_LABELS =
      labels(
          "teach", "teaches",
          "learn", "wants to learn",
          "availability", "free",
          "capacity", "mentees");

  /** A person filling in the profile form, in one line per page, each answer with its label. */
  static String filledIn(SamplePeople.Person person) {
    return filledIn("fills in the form", labelled(ABOUT_LABELS, person.about()))
        + "\n"
        + filledIn("and the skills page", labelled(SKILLS_LABELS, person.skills()));
  }

  /**
   * A person filling in a form, in one line: each answer after its label ({@code seniority 1 ·
   * meets by call}); blank answers are left out.
   */
  static String filledIn(Map<String, String> answersByLabel) {
    return filledIn("fills in the form", answersByLabel);
  }

  private static String filledIn(String what, Map<String, String> answersByLabel) {
    return INDENT
        + "["
        + what
        + ": "
        + answersByLabel.entrySet().stream()
            .filter(e -> !e.getValue().isBlank())
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(" · "))
        + "]";
  }

  private static Map<String, String> labelled(
      Map<String, String> labels, Map<String, String> values) {
    Map<String, String> byLabel = new LinkedHashMap<>();
    labels.forEach((field, label) -> byLabel.put(label, values.getOrDefault(field, "")));
    return byLabel;
  }

  private static Map<String, String> labels(String... fieldThenLabel) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < fieldThenLabel.length; i += 2) {
      labels.put(fieldThenLabel[i], fieldThenLabel[i + 1]);
    }
    return labels;
  }

  /** A message Tandem sent on its own (through the outbox), and to whom. */
  static String delivered(String to, String text) {
    return pad("Tandem")
        + " › (to "
        + to
        + ") "
        + FIELD_LABEL
            .matcher(text)
            .replaceAll("$1: ")
            .lines()
            .collect(Collectors.joining("\n" + INDENT));
  }

  /** Someone who joined through the profile form, in one line. */
  static String joined(SamplePeople.Person person, SimulatedChat.Answer answer) {
    Map<String, String> about = person.about();
    return pad(person.name())
        + " › joined as a "
        + person.role()
        + " ("
        + about.get("department")
        + ", band "
        + about.get("band")
        + ", "
        + about.get("timezone")
        + "; teaches "
        + person.skills().get("teach")
        + ")"
        + (answer.text().startsWith("⚠") ? "  " + answer.text() : "");
  }

  /** A file Tandem sent (a chart, a calendar invitation). */
  static String attached(SimulatedChat.File file) {
    String kind = file.name().endsWith(".png") ? "image" : "file";
    return pad("Tandem")
        + " › ["
        + kind
        + ": "
        + file.name()
        + ", "
        + file.bytes().length / 1024
        + " KB]";
  }

  /** A person clicking a button. */
  static String clicked(String person, String label) {
    return pad(person) + " › [" + label + "]";
  }

  /**
   * Messages Tandem sent on its own, in the order given: what {@code reader} receives alone in
   * full, the rest a line each: to whom, the first line and the buttons. The same message to
   * several people (a survey, say) is one line naming them all, where the first of them got it.
   */
  static List<String> deliveredInOrder(List<SimulatedChat.Delivered> messages, String reader) {
    List<String> lines = new ArrayList<>();
    Map<String, Integer> lineOfBrief = new LinkedHashMap<>();
    Map<String, List<String>> recipientsByBrief = new LinkedHashMap<>();
    for (SimulatedChat.Delivered message : messages) {
      if (message.to().equals(List.of(reader))) {
        lines.add(delivered(reader, message.text()));
        continue;
      }
      String brief = brief(message);
      if (!lineOfBrief.containsKey(brief)) {
        lineOfBrief.put(brief, lines.size());
        lines.add(brief);
      }
      recipientsByBrief.computeIfAbsent(brief, k -> new ArrayList<>()).addAll(message.to());
    }
    lineOfBrief.forEach(
        (brief, line) ->
            lines.set(
                line,
                pad("Tandem") + " › (to " + names(recipientsByBrief.get(brief)) + ") " + brief));
    return lines;
  }

  private static String names(List<String> to) {
    return to.size() <= MAX_NAMES
        ? String.join(", ", to)
        : String.join(", ", to.subList(0, MAX_NAMES)) + " and " + (to.size() - MAX_NAMES) + " more";
  }

  /** A message's first line, cut to a line's length, and its buttons. */
  private static String brief(SimulatedChat.Delivered message) {
    String firstLine =
        shortened(message.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip());
    String buttons =
        message.buttons().stream().map(b -> "[" + b.label() + "]").collect(Collectors.joining(" "));
    return firstLine + (buttons.isEmpty() || firstLine.contains(buttons) ? "" : " " + buttons);
  }

  /**
   * The line as it is when it fits {@value #BRIEF_LENGTH} characters; else cut after its last whole
   * sentence that fits, or when that would leave less than half of it, after its last whole word,
   * and marked with "…". Never inside a word, a date or a number.
   */
  static String shortened(String line) {
    if (line.length() <= BRIEF_LENGTH) {
      return line;
    }
    int sentence = -1;
    int word = -1;
    for (int i = 1; i < BRIEF_LENGTH; i++) {
      if (line.charAt(i) == ' ') {
        word = i;
        char before = line.charAt(i - 1);
        if (before == '.' || before == '!' || before == '?') {
          sentence = i;
        }
      }
    }
    if (sentence >= BRIEF_LENGTH / 2) {
      return line.substring(0, sentence) + " …";
    }
    return word < 0 ? line.substring(0, BRIEF_LENGTH - 1) + "…" : line.substring(0, word) + " …";
  }

  /** What Tandem answered, cut after {@code maxLines} lines (0: no limit). */
  static String answered(SimulatedChat.Answer answer, int maxLines) {
    String full = answered(answer);
    if (maxLines <= 0) {
      return full;
    }
    List<String> lines = full.lines().toList();
    return lines.size() <= maxLines
        ? full
        : String.join("\n", lines.subList(0, maxLines))
            + "\n"
            + INDENT
            + "… ("
            + (lines.size() - maxLines)
            + " more lines)";
  }

  /** What Tandem answered, marked when only the person could see it. */
  static String answered(SimulatedChat.Answer answer) {
    // A Block Kit field reads "*Label*" above its value; one line each is easier to follow.
    String body =
        FIELD_LABEL
            .matcher(answer.text())
            .replaceAll("$1: ")
            .lines()
            .map(l -> l.isBlank() ? "" : l)
            .collect(Collectors.joining("\n" + INDENT));
    return pad("Tandem") + " › " + (answer.privately() ? "(only you) " : "") + body;
  }

  private static String pad(String name) {
    return name.length() >= NAME_WIDTH ? name : name + " ".repeat(NAME_WIDTH - name.length());
  }
}
