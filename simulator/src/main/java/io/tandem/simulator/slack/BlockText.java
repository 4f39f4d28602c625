package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Turns Block Kit JSON into the plain text a person would read; for transcripts. */
public final class BlockText {
  private BlockText() {}

  /** The blocks' text when there are blocks (Slack shows those), else {@code fallback}. */
  public static String readable(String fallback, JsonElement blocks) {
    List<String> parts = new ArrayList<>();
    if (blocks != null && blocks.isJsonArray()) {
      for (JsonElement block : blocks.getAsJsonArray()) {
        if (block.isJsonObject()) {
          collect(block.getAsJsonObject(), parts);
        }
      }
    }
    if (parts.isEmpty()) {
      return fallback == null ? "" : fallback;
    }
    return String.join("\n", parts);
  }

  private static void collect(JsonObject block, List<String> parts) {
    addText(block.get("text"), parts);
    addAll(block.get("fields"), parts);
    JsonElement elements = block.get("elements");
    if (elements != null && elements.isJsonArray()) {
      List<String> buttons = new ArrayList<>();
      for (JsonElement element : elements.getAsJsonArray()) {
        if (!element.isJsonObject()) {
          continue;
        }
        JsonObject object = element.getAsJsonObject();
        String type = string(object, "type");
        if ("button".equals(type)) {
          buttons.add("[" + plain(object.get("text")) + "]");
        } else if ("mrkdwn".equals(type) || "plain_text".equals(type)) {
          addText(object, parts);
        }
      }
      if (!buttons.isEmpty()) {
        parts.add(String.join(" ", buttons));
      }
    }
    JsonElement label = block.get("label");
    if (label != null) {
      parts.add(plain(label) + ": ____");
    }
  }

  private static void addAll(JsonElement array, List<String> parts) {
    if (array != null && array.isJsonArray()) {
      JsonArray items = array.getAsJsonArray();
      items.forEach(item -> addText(item, parts));
    }
  }

  private static void addText(JsonElement text, List<String> parts) {
    String plain = plain(text);
    if (!plain.isEmpty()) {
      parts.add(plain);
    }
  }

  private static String plain(JsonElement text) {
    if (text == null || text.isJsonNull()) {
      return "";
    }
    if (text.isJsonPrimitive()) {
      return text.getAsString();
    }
    if (text.isJsonObject()) {
      String value = string(text.getAsJsonObject(), "text");
      return value == null ? "" : value;
    }
    return "";
  }

  static String string(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }
}
