package io.tandem.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.List;

/** Renders a platform-neutral {@link Reply} as Block Kit. Adds no wording of its own. */
final class BlockKit {

  /** Slack allows at most 10 fields in one section and 25 elements in one actions block. */
  private static final int FIELDS_PER_SECTION = 10;

  private static final int BUTTONS_PER_ACTIONS_BLOCK = 25;

  private BlockKit() {}

  static List<LayoutBlock> blocks(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text(reply)))));
    for (int i = 0; i < reply.fields().size(); i += FIELDS_PER_SECTION) {
      List<TextObject> fields = new ArrayList<>();
      for (Reply.Field field :
          reply.fields().subList(i, Math.min(i + FIELDS_PER_SECTION, reply.fields().size()))) {
        fields.add(markdownText("*" + field.label() + "*\n" + field.value()));
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
                        .text(plainText(b.label()))
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
    return out.toString();
  }

  /** The plain text Slack shows in notifications and where blocks cannot be shown. */
  static String fallbackText(Reply reply) {
    return text(reply);
  }

  static View modal(Reply.Form form) {
    List<LayoutBlock> inputs = new ArrayList<>();
    for (Reply.Input in : form.inputs()) {
      inputs.add(
          input(
              i ->
                  i.blockId(in.id())
                      .label(plainText(in.label()))
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
                                              : plainText(in.placeholder()))))));
    }
    return view(
        v ->
            v.type("modal")
                .callbackId(form.formId())
                .title(viewTitle(t -> t.type("plain_text").text(form.title())))
                .submit(
                    viewSubmit(
                        s ->
                            s.type("plain_text")
                                .text(form.submitLabel() == null ? "Save" : form.submitLabel())))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                // so Slack sends view_closed and the core can record an abandoned form
                .notifyOnClose(true)
                .blocks(inputs));
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
