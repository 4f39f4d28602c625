package io.tandem.core.guidance;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the {@code guide} commands answer. Pure: no storage. */
final class GuideMessages {

  /** Names standing in for a pair's in a preview. */
  private static final String PREVIEW_MENTOR = "Alex";

  private static final String PREVIEW_MENTEE = "Sam";

  private GuideMessages() {}

  static Reply list(Program program, Map<String, String> texts, List<ProgramTemplate> own) {
    List<Reply.Field> fields = new ArrayList<>();
    texts.forEach(
        (name, text) -> {
          String by =
              own.stream()
                  .filter(t -> t.name().equals(name))
                  .findFirst()
                  .map(
                      t ->
                          "changed by "
                              + changedBy(t.updatedBy())
                              + " on "
                              + t.updatedAt().toString().substring(0, 10))
                  .orElse("Tandem's default");
          fields.add(new Reply.Field(name, by + ": " + Markup.text(excerpt(text))));
        });
    return Reply.info(
        "Guidance of *"
            + Markup.text(program.getName())
            + "*. Change one with `"
            + Markup.command("guide edit first-session " + program.getName())
            + "`, bring several from a file with `"
            + Markup.command("guide import " + program.getName())
            + "`. Templates may use "
            + GuideText.knownPlaceholders()
            + "; reminders suggest the "
            + GuideDefaults.AGENDA
            + "… that fits each pair's skills and goals.",
        fields);
  }

  static Reply saved(Program program, String template, String text) {
    return Reply.success(
        "Saved the "
            + template
            + " of *"
            + Markup.text(program.getName())
            + "*: pairs read it from now on. With names filled in, it reads:",
        List.of(
            new Reply.Field(
                template,
                GuideText.render(
                    text,
                    new GuideText.Values(
                        PREVIEW_MENTOR,
                        PREVIEW_MENTEE,
                        program.getName(),
                        program.getCadenceDays())))));
  }

  static Reply imported(Program program, List<String> names) {
    return Reply.success(
        "Imported "
            + names.size()
            + (names.size() == 1 ? " template" : " templates")
            + " into *"
            + Markup.text(program.getName())
            + "*: "
            + String.join(", ", names)
            + ". `"
            + Markup.command("guide list " + program.getName())
            + "` shows them.",
        List.of());
  }

  static Reply reset(Program program, String template, boolean had) {
    String name = "*" + Markup.text(program.getName()) + "*";
    if (!had) {
      return Reply.info(
          GuideDefaults.text(template).isPresent()
              ? "The " + template + " of " + name + " is already Tandem's default."
              : name + " has no " + template + " to remove.",
          List.of());
    }
    return Reply.success(
        GuideDefaults.text(template).isPresent()
            ? "The " + template + " of " + name + " is Tandem's default again."
            : "Removed " + template + " from " + name + ".",
        List.of());
  }

  static Reply formGone() {
    return Reply.error(
        "That form belongs to a program that is no longer here; open it again.",
        GuideGrammar.EDIT_EXAMPLE);
  }

  /** One line a template could be, for error messages. */
  static String exampleLine() {
    return "Show, don't lecture; let {mentee} try things hands-on.";
  }

  /** The file format, for error messages about imports. */
  static String fileExample() {
    return "Each template starts with its name on a line of its own, e.g. `## mentor-guide`, then"
        + " its text: "
        + exampleLine()
        + " Templates: "
        + GuideDefaults.names()
        + ".";
  }

  private static String changedBy(String by) {
    return ImportGuides.OPERATOR.equals(by) ? "the " + Markup.text(by) : Markup.mention(by);
  }

  private static String excerpt(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 90 ? line.substring(0, 89) + "…" : line;
  }
}
