package io.tandem.core.port.in;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Tandem answers, independent of any platform. Adapters render it as Block Kit or Discord
 * content; they add no wording of their own. Button labels, form titles, input labels and
 * placeholders are shown as plain text ({@link Markup#plain(String)}), cut to each platform's
 * length; an input's initial value is what the person typed, as it is.
 *
 * @param kind what sort of answer this is (adapters may mark errors and successes)
 * @param visibility whether only the person sees it
 * @param text the main message, in Tandem's {@link Markup}: {@code *bold*} and {@code `code`} are
 *     formatting, every other character means itself; people's text goes in through {@link
 *     Markup#text(String)}, mentions and links only through {@link Markup#mention(String)} and
 *     {@link Markup#link(String, String)}. Each platform's renderer escapes the rest.
 * @param fields labelled values shown beneath the text, both in {@link Markup}
 * @param buttons actions the person can take
 * @param form a form to open instead of (or with) the message, or {@code null}; with an error reply
 *     to a form submission, the same form filled with what the person typed
 * @param inputErrors for an error reply to a form submission: each offending input's id mapped to
 *     what is wrong with it, so platforms that can keep the form open show it beside the input
 */
public record Reply(
    Kind kind,
    Visibility visibility,
    String text,
    List<Field> fields,
    List<Button> buttons,
    Form form,
    Map<String, String> inputErrors) {

  public enum Kind {
    INFO,
    SUCCESS,
    ERROR
  }

  public enum Visibility {
    PRIVATE,
    PUBLIC
  }

  public record Field(String label, String value) {
    public Field {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A button. {@code actionId} names what it does (e.g. {@code log.open}); {@code value} carries
   * the argument the action needs.
   */
  public record Button(String actionId, String label, String value, Style style) {
    public enum Style {
      DEFAULT,
      PRIMARY,
      DANGER
    }

    public Button {
      Objects.requireNonNull(actionId, "actionId");
      Objects.requireNonNull(label, "label");
      value = value == null ? "" : value;
      style = style == null ? Style.DEFAULT : style;
    }
  }

  /** A form the platform should open (Slack modal, Discord modal). */
  public record Form(String formId, String title, String submitLabel, List<Input> inputs) {
    public Form {
      Objects.requireNonNull(formId, "formId");
      Objects.requireNonNull(title, "title");
      inputs = List.copyOf(inputs);
    }
  }

  /**
   * One text input of a form. Keep labels to 45 characters and forms to 5 inputs: Discord allows no
   * more.
   *
   * @param placeholder a hint shown in the empty input, or {@code null}
   */
  public record Input(
      String id,
      String label,
      boolean multiline,
      boolean optional,
      String initialValue,
      String placeholder) {
    public Input {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
    }

    public Input(
        String id, String label, boolean multiline, boolean optional, String initialValue) {
      this(id, label, multiline, optional, initialValue, null);
    }

    public Input withInitialValue(String value) {
      return new Input(id, label, multiline, optional, value, placeholder);
    }
  }

  public Reply {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(visibility, "visibility");
    text = text == null ? "" : text;
    fields = List.copyOf(fields);
    buttons = List.copyOf(buttons);
    inputErrors = inputErrors == null ? Map.of() : Map.copyOf(inputErrors);
  }

  public Reply(
      Kind kind,
      Visibility visibility,
      String text,
      List<Field> fields,
      List<Button> buttons,
      Form form) {
    this(kind, visibility, text, fields, buttons, form, Map.of());
  }

  /** Opens a form; {@code text} is what platforms that must show a message first say with it. */
  public static Reply openForm(String text, Form form) {
    Objects.requireNonNull(form, "form");
    return new Reply(Kind.INFO, Visibility.PRIVATE, text, List.of(), List.of(), form);
  }

  /**
   * A private error about a submitted form: the problem, which input it concerns, and the form
   * again filled with what the person typed so they can fix it.
   */
  public static Reply formError(String inputId, String problem, Form refilled) {
    return new Reply(
        Kind.ERROR,
        Visibility.PRIVATE,
        problem,
        List.of(),
        List.of(),
        refilled,
        Map.of(inputId, problem));
  }

  public static Reply info(String text, List<Field> fields) {
    return new Reply(Kind.INFO, Visibility.PRIVATE, text, fields, List.of(), null);
  }

  public static Reply publicly(String text, List<Field> fields) {
    return new Reply(Kind.INFO, Visibility.PUBLIC, text, fields, List.of(), null);
  }

  public static Reply success(String text, List<Field> fields) {
    return new Reply(Kind.SUCCESS, Visibility.PRIVATE, text, fields, List.of(), null);
  }

  /**
   * A private error: what was wrong and an example of the right form.
   *
   * @param problem one sentence naming the problem, e.g. "`30h` is longer than a session can be."
   * @param example the right form as the core grammar reads it, e.g. {@code log 45m Instagram
   *     reels}: shown as a command in the platform's syntax ({@link Markup#command})
   */
  public static Reply error(String problem, String example) {
    return new Reply(
        Kind.ERROR,
        Visibility.PRIVATE,
        problem + "\nExample: `" + Markup.command(example) + "`",
        List.of(),
        List.of(),
        null);
  }

  public Reply withButtons(List<Button> newButtons) {
    return new Reply(kind, visibility, text, fields, newButtons, form, inputErrors);
  }

  public boolean isPrivate() {
    return visibility == Visibility.PRIVATE;
  }
}
