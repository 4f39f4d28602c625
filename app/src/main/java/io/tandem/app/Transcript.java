package io.tandem.app;

import java.util.stream.Collectors;

/** Formats a conversation as a readable chat transcript for the terminal. */
final class Transcript {

  private static final int NAME_WIDTH = 8;
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

  /** What Tandem answered, marked when only the person could see it. */
  static String answered(SimulatedChat.Answer answer) {
    String body =
        answer
            .text()
            .lines()
            .map(l -> l.isBlank() ? "" : l)
            .collect(Collectors.joining("\n" + INDENT));
    return pad("Tandem") + " › " + (answer.privately() ? "(only you) " : "") + body;
  }

  private static String pad(String name) {
    return name.length() >= NAME_WIDTH ? name : name + " ".repeat(NAME_WIDTH - name.length());
  }
}
