package io.tandem.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a platform-neutral {@link Reply} as Block Kit. Adds no wording of its own. Texts go
 * through {@link SlackText}: message text and fields as {@code mrkdwn} sent verbatim (so Slack
 * links and mentions nothing on its own), button labels, form titles and labels as {@code
 * plain_text} cut to Slack's lengths.
 */
final class BlockKit {

  /** Slack allows at most 10 fields in one section and 25 elements in one actions block. */
  private static final int FIELDS_PER_SECTION = 10;

  private static final int BUTTONS_PER_ACTIONS_BLOCK = 25;

  /** Slack's longest button text, modal title or submit label, input label and placeholder. */
  static final int MAX_BUTTON_TEXT = 75;

  static final int MAX_MODAL_TITLE = 24;
  static final int MAX_INPUT_LABEL = 2000;
  static final int MAX_PLACEHOLDER = 150;

  private BlockKit() {}

  static List<LayoutBlock> blocks(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(mrkdwnText(text(reply)))));
    for (int i = 0; i < reply.fields().size(); i += FIELDS_PER_SECTION) {
      List<TextObject> fields = new ArrayList<>();
      for (Reply.Field field :
          reply.fields().subList(i, Math.min(i + FIELDS_PER_SECTION, reply.fields().size()))) {
        fields.add(mrkdwnText("*" + field.label() + "*\n" + field.value()));
      }
      blocks.add(section(s -> s.fields(fields)));
    }
    for (int i = 0; i < reply.buttons().size(); i += BUTTONS_PER_ACTIONS_BLOCK) {
      List<BlockElement> buttons = new ArrayList<>();
      for (Reply.Button b :
          reply
              .buttons()
              .subList(i, Math.min(i + BUTTONS_PER_ACTIONS_BLOCK, reply.buttons().size()))) {
        buttons.add(
            button(
                x ->
                    x.actionId(b.actionId())
                        .text(plainText(b.label(), MAX_BUTTON_TEXT))
                        .value(b.value())
                        .style(style(b.style()))));
      }
      blocks.add(actions(a -> a.elements(buttons)));
    }
    return blocks;
  }

  /**
   * The whole reply as one mrkdwn text, fields as {@code *label*: value} lines: for places that
   * take text but no blocks, such as the comment of an uploaded file. Buttons and forms are not
   * shown.
   */
  static String mrkdwn(Reply reply) {
    StringBuilder out = new StringBuilder(text(reply));
    for (Reply.Field field : reply.fields()) {
      out.append('\n').append('*').append(field.label()).append("*: ").append(field.value());
    }
    return SlackText.mrkdwn(out.toString());
  }

  /** The plain text Slack shows in notifications and where blocks cannot be shown. */
  static String fallbackText(Reply reply) {
    return SlackText.mrkdwn(text(reply));
  }

  static View modal(Reply.Form form) {
    List<LayoutBlock> inputs = new ArrayList<>();
    for (Reply.Input in : form.inputs()) {
      inputs.add(
          input(
              i ->
                  i.blockId(in.id())
                      .label(plainText(in.label(), MAX_INPUT_LABEL))
                      .optional(in.optional())
                      .element(
                          plainTextInput(
                              p ->
                                  p.actionId(in.id())
                                      .multiline(in.multiline())
                                      .initialValue(in.initialValue())
                                      .placeholder(
                                          in.placeholder() == null
                                              ? null
                                              : plainText(in.placeholder(), MAX_PLACEHOLDER))))));
    }
    return view(
        v ->
            v.type("modal")
                .callbackId(form.formId())
                .title(
                    viewTitle(t -> t.type("plain_text").text(plain(form.title(), MAX_MODAL_TITLE))))
                .submit(
                    viewSubmit(
                        s ->
                            s.type("plain_text")
                                .text(
                                    form.submitLabel() == null
                                        ? "Save"
                                        : plain(form.submitLabel(), MAX_MODAL_TITLE))))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                // so Slack sends view_closed and the core can record an abandoned form
                .notifyOnClose(true)
                .blocks(inputs));
  }

  /** A form submission's problems per input, as the plain text Slack shows beside each input. */
  static Map<String, String> inputErrors(Reply reply) {
    Map<String, String> errors = new LinkedHashMap<>();
    reply.inputErrors().forEach((input, problem) -> errors.put(input, SlackText.plain(problem)));
    return errors;
  }

  /** A modal that shows a reply, for the answer to a form's last page. */
  static View resultModal(Reply reply) {
    return view(
        v ->
            v.type("modal")
                .callbackId("tandem.result")
                .title(viewTitle(t -> t.type("plain_text").text("Tandem")))
                .close(viewClose(c -> c.type("plain_text").text("Done")))
                .blocks(blocks(reply)));
  }

  /** Markup as a {@code mrkdwn} object; verbatim, so Slack adds no links or mentions itself. */
  private static MarkdownTextObject mrkdwnText(String markup) {
    return MarkdownTextObject.builder().text(SlackText.mrkdwn(markup)).verbatim(true).build();
  }

  private static PlainTextObject plainText(String markup, int max) {
    return PlainTextObject.builder().text(plain(markup, max)).build();
  }

  private static String plain(String markup, int max) {
    String text = SlackText.plain(markup);
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String text(Reply reply) {
    return reply.kind() == Reply.Kind.ERROR ? ":warning: " + reply.text() : reply.text();
  }

  private static String style(Reply.Button.Style style) {
    return switch (style) {
      case PRIMARY -> "primary";
      case DANGER -> "danger";
      case DEFAULT -> null;
    };
  }
}
