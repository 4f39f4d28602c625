package io.tandem.app;

import java.util.stream.Collectors;

/** Formats a conversation as a readable chat transcript for the terminal. */
final class Transcript {

  private static final int NAME_WIDTH = 8;
  private static final java.util.regex.Pattern FIELD_LABEL =
      java.util.regex.Pattern.compile("(?m)^\\*([^*\\n]*[^*:\\n])\\*\\n(?=\\S)");
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
