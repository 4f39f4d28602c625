package io.tandem.core.guidance;

import io.tandem.core.port.in.Reply;
import java.util.List;
import java.util.Optional;

/**
 * The forms of {@code guide edit} (one template's text) and {@code guide import} (a guidance file,
 * pasted). Their ids carry the program and the template, so a submission needs nothing else. One
 * input each, under Slack's 3,000 and Discord's 4,000 characters.
 */
final class GuideForms {

  static final String EDIT = "guide.edit:";
  static final String IMPORT = "guide.import:";
  static final String TEXT = "text";
  static final String FILE = "file";

  private GuideForms() {}

  /** What a form's id says: the program, and for an edit the template. */
  record Target(long programId, String template) {}

  static Reply.Form edit(long programId, String template, String text) {
    return new Reply.Form(
        EDIT + programId + ":" + template,
        "Edit " + template,
        "Save",
        List.of(
            new Reply.Input(
                TEXT,
                "Text; {mentor} {mentee} {program} fill in",
                true,
                false,
                text,
                "Placeholders: " + GuideText.knownPlaceholders())));
  }

  static Reply.Form importing(long programId, String file) {
    return new Reply.Form(
        IMPORT + programId,
        "Import guidance",
        "Import",
        List.of(
            new Reply.Input(
                FILE,
                "Paste the file: ## name, then its text",
                true,
                false,
                file,
                "## mentor-guide … ## agenda-data …")));
  }

  /** The program and template an edit form's id names. */
  static Optional<Target> editTarget(String formId) {
    String[] parts = formId.substring(EDIT.length()).split(":", 2);
    return parts.length == 2
        ? programId(parts[0]).map(id -> new Target(id, parts[1]))
        : Optional.empty();
  }

  /** The program an import form's id names. */
  static Optional<Target> importTarget(String formId) {
    return programId(formId.substring(IMPORT.length())).map(id -> new Target(id, null));
  }

  private static Optional<Long> programId(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
