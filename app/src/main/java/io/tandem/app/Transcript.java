package io.tandem.app;

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
  private static final int BRIEF_LENGTH = 110;
  private static final int MAX_NAMES = 4;
  private static final String INDENT = " ".repeat(NAME_WIDTH + 3);

  private Transcript() {}

  /** What a person sent. */
  static String said(String person, String text) {
    return pad(person) + " › " + text;
  }

  /** A person filling in the profile form, in one line per page. */
  static String filledIn(SamplePeople.Person person) {
    return INDENT
        + "[fills in the form: "
        + String.join(
            ", ",
            new java.util.TreeMap<>(person.about())
                .values().stream().filter(v -> !v.isBlank()).toList())
        + "]\n"
        + INDENT
        + "[and the skills page: "
        + String.join(
            "; ",
            new java.util.TreeMap<>(person.skills())
                .values().stream().filter(v -> !v.isBlank()).toList())
        + "]";
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

  /** A person filling in a form with these answers. */
  static String filledIn(java.util.Collection<String> answers) {
    return INDENT
        + "[fills in the form: "
        + answers.stream().filter(a -> !a.isBlank()).collect(Collectors.joining("; "))
        + "]";
  }

  /** A file Tandem sent (a chart). */
  static String attached(SimulatedChat.File file) {
    return pad("Tandem") + " › [image: " + file.name() + ", " + file.bytes().length / 1024 + " KB]";
  }

  /** A person clicking a button. */
  static String clicked(String person, String label) {
    return pad(person) + " › [" + label + "]";
  }

  /**
   * Messages Tandem sent on its own, a line each: to whom, the first line and the buttons. The same
   * message to several people (a survey, say) is one line naming them all.
   */
  static List<String> deliveredTogether(List<SimulatedChat.Delivered> messages) {
    Map<String, List<String>> recipientsByBrief = new LinkedHashMap<>();
    for (SimulatedChat.Delivered message : messages) {
      recipientsByBrief
          .computeIfAbsent(brief(message), k -> new ArrayList<>())
          .addAll(message.to());
    }
    List<String> lines = new ArrayList<>();
    recipientsByBrief.forEach(
        (brief, to) -> {
          String names =
              to.size() <= MAX_NAMES
                  ? String.join(", ", to)
                  : String.join(", ", to.subList(0, MAX_NAMES))
                      + " and "
                      + (to.size() - MAX_NAMES)
                      + " more";
          lines.add(pad("Tandem") + " › (to " + names + ") " + brief);
        });
    return lines;
  }

  /** A message's first line, cut to a line's length, and its buttons. */
  private static String brief(SimulatedChat.Delivered message) {
    String firstLine =
        message.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    if (firstLine.length() > BRIEF_LENGTH) {
      firstLine = firstLine.substring(0, BRIEF_LENGTH - 1) + "…";
    }
    String buttons =
        message.buttons().stream().map(b -> "[" + b.label() + "]").collect(Collectors.joining(" "));
    return firstLine + (buttons.isEmpty() || firstLine.contains(buttons) ? "" : " " + buttons);
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
