package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A message the bot showed, as the simulator stored it (an interaction response, a follow-up, an
 * edit of the original response, or a channel message).
 *
 * @param id the message id the simulator assigned
 * @param channelId where it was shown
 * @param json the stored message object (content, embeds, components, flags)
 */
public record DiscordMessage(String id, String channelId, JsonObject json) {

  /** The ephemeral flag. */
  public static final int EPHEMERAL = 64;

  public String content() {
    return Json.string(json, "content", "");
  }

  public int flags() {
    return json.has("flags") && !json.get("flags").isJsonNull() ? json.get("flags").getAsInt() : 0;
  }

  public boolean ephemeral() {
    return (flags() & EPHEMERAL) != 0;
  }

  public List<Embed> embeds() {
    List<Embed> result = new ArrayList<>();
    for (JsonElement element : Json.array(json, "embeds")) {
      JsonObject embed = element.getAsJsonObject();
      List<EmbedField> fields = new ArrayList<>();
      for (JsonElement field : Json.array(embed, "fields")) {
        JsonObject f = field.getAsJsonObject();
        fields.add(
            new EmbedField(
                Json.string(f, "name", ""),
                Json.string(f, "value", ""),
                f.has("inline") && f.get("inline").getAsBoolean()));
      }
      result.add(
          new Embed(
              Json.string(embed, "title", null), Json.string(embed, "description", null), fields));
    }
    return List.copyOf(result);
  }

  /** All embed fields of all embeds, in order. */
  public List<EmbedField> fields() {
    return embeds().stream().flatMap(e -> e.fields().stream()).toList();
  }

  /** Buttons by action row. */
  public List<List<Button>> buttonRows() {
    List<List<Button>> rows = new ArrayList<>();
    for (JsonElement rowElement : Json.array(json, "components")) {
      JsonObject row = rowElement.getAsJsonObject();
      List<Button> buttons = new ArrayList<>();
      for (JsonElement element : Json.array(row, "components")) {
        JsonObject component = element.getAsJsonObject();
        if (Json.integer(component, "type", 0) == 2) {
          buttons.add(
              new Button(
                  Json.string(component, "custom_id", null),
                  Json.string(component, "label", ""),
                  Json.integer(component, "style", 1)));
        }
      }
      rows.add(List.copyOf(buttons));
    }
    return List.copyOf(rows);
  }

  public List<Button> buttons() {
    return buttonRows().stream().flatMap(List::stream).toList();
  }

  /** The file names of the message's attachments, in order. */
  public List<String> attachmentNames() {
    List<String> names = new ArrayList<>();
    for (JsonElement element : Json.array(json, "attachments")) {
      names.add(Json.string(element.getAsJsonObject(), "filename", ""));
    }
    return List.copyOf(names);
  }

  /** A one-line rendering for transcripts and assertion messages. */
  public String render() {
    StringBuilder out = new StringBuilder(content());
    for (EmbedField field : fields()) {
      out.append(" | ").append(field.name()).append(": ").append(field.value());
    }
    for (Button button : buttons()) {
      out.append(" [").append(button.label()).append("]");
    }
    for (String name : attachmentNames()) {
      out.append(" [file ").append(name).append("]");
    }
    return out.toString();
  }

  public record Embed(String title, String description, List<EmbedField> fields) {}

  public record EmbedField(String name, String value, boolean inline) {}

  /** A button; style 1 primary, 2 secondary, 3 success, 4 danger, 5 link. */
  public record Button(String customId, String label, int style) {}

  static JsonArray componentsOf(JsonObject message) {
    return Json.array(message, "components");
  }
}
