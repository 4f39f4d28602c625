package io.tandem.discord;

import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders a platform-neutral {@link Reply} as Discord content: text as message content, fields as
 * one embed, buttons as action rows of five, a form as a modal. Adds no wording except the error
 * marker. Texts go through {@link DiscordText}; labels and titles are plain text cut to Discord's
 * lengths. Every message allows exactly the mentions Tandem wrote in its text ({@code
 * allowed_mentions}: no {@code parse}, those users only), so no text pings anyone else.
 */
final class ReplyRenderer {
  static final String ERROR_MARKER = "⚠️ ";
  static final String BUTTON_ID_SEPARATOR = ":";

  private static final int MAX_CONTENT = 2000;
  private static final int MAX_FIELDS = 25;
  private static final int MAX_FIELD_NAME = 256;
  private static final int MAX_FIELD_VALUE = 1024;
  private static final int BUTTONS_PER_ROW = 5;
  private static final int MAX_ROWS = 5;

  private ReplyRenderer() {}

  static MessageCreateData create(Reply reply) {
    return new MessageCreateBuilder()
        .setContent(content(reply))
        .setEmbeds(embeds(reply))
        .setComponents(rows(reply))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .mentionUsers(mentioned(reply))
        .mentionRepliedUser(false)
        .build();
  }

  static MessageEditData edit(Reply reply) {
    return new MessageEditBuilder()
        .setContent(content(reply))
        .setEmbeds(embeds(reply))
        .setComponents(rows(reply))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .mentionUsers(mentioned(reply))
        .mentionRepliedUser(false)
        .build();
  }

  static String content(Reply reply) {
    String text = markdown(reply.text());
    if (reply.kind() == Reply.Kind.ERROR) {
      text = ERROR_MARKER + text;
    }
    return truncate(text, MAX_CONTENT);
  }

  static String markdown(String markup) {
    return DiscordText.render(markup).text();
  }

  /** The users Tandem mentions in the reply's text: the only ones the message may ping. */
  static Set<String> mentioned(Reply reply) {
    return DiscordText.render(reply.text()).mentioned();
  }

  static List<MessageEmbed> embeds(Reply reply) {
    if (reply.fields().isEmpty()) {
      return List.of();
    }
    EmbedBuilder embed = new EmbedBuilder();
    for (Reply.Field field :
        reply.fields().subList(0, Math.min(MAX_FIELDS, reply.fields().size()))) {
      embed.addField(
          truncate(markdown(field.label()), MAX_FIELD_NAME),
          truncate(markdown(field.value().isBlank() ? "—" : field.value()), MAX_FIELD_VALUE),
          false);
    }
    return List.of(embed.build());
  }

  static List<ActionRow> rows(Reply reply) {
    List<ActionRow> rows = new ArrayList<>();
    List<Button> row = new ArrayList<>();
    for (Reply.Button button : reply.buttons()) {
      row.add(button(button));
      if (row.size() == BUTTONS_PER_ROW) {
        rows.add(ActionRow.of(row));
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      rows.add(ActionRow.of(row));
    }
    return rows.subList(0, Math.min(MAX_ROWS, rows.size()));
  }

  private static Button button(Reply.Button button) {
    String id = button.actionId() + BUTTON_ID_SEPARATOR + button.value();
    String label = truncate(DiscordText.plain(button.label()), Button.LABEL_MAX_LENGTH);
    return switch (button.style()) {
      case PRIMARY -> Button.primary(id, label);
      case DANGER -> Button.danger(id, label);
      case DEFAULT -> Button.secondary(id, label);
    };
  }

  static Modal modal(Reply.Form form) {
    List<Label> inputs = new ArrayList<>();
    for (Reply.Input input : form.inputs()) {
      TextInput.Builder text =
          TextInput.create(
                  input.id(), input.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
              .setRequired(!input.optional());
      if (input.initialValue() != null && !input.initialValue().isBlank()) {
        text.setValue(input.initialValue());
      }
      if (input.placeholder() != null) {
        text.setPlaceholder(
            truncate(DiscordText.plain(input.placeholder()), TextInput.MAX_PLACEHOLDER_LENGTH));
      }
      inputs.add(
          Label.of(
              truncate(DiscordText.plain(input.label()), Label.LABEL_MAX_LENGTH), text.build()));
    }
    return Modal.create(
            form.formId(), truncate(DiscordText.plain(form.title()), Modal.MAX_TITLE_LENGTH))
        .addComponents(inputs)
        .build();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
