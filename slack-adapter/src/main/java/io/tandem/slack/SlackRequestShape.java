package io.tandem.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a verified request body is one of the kinds Slack sends, checked before Bolt parses it:
 * Bolt's parser logs a body it cannot classify at WARN, whole, and throws on JSON it cannot read.
 * What passes here is a slash command, an SSL check, an Events API callback or URL verification, or
 * an interactive payload of a type Bolt knows, each with the fields Bolt's parser reads.
 */
final class SlackRequestShape {

  /** Interactive payload types Bolt's parser turns into requests. */
  private static final Set<String> INTERACTIVE_TYPES =
      Set.of(
          "interactive_message",
          "block_actions",
          "block_suggestion",
          "shortcut",
          "message_action",
          "dialog_cancellation",
          "dialog_submission",
          "dialog_suggestion",
          "view_submission",
          "view_closed",
          "workflow_step_edit");

  private static final Set<String> EVENTS_API_TYPES = Set.of("event_callback", "url_verification");

  private SlackRequestShape() {}

  /** Empty when the body is understood, else what is wrong with it (for the 400 answer). */
  static Optional<String> problem(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return Optional.of("empty request");
    }
    if (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
      return jsonProblem(trimmed, EVENTS_API_TYPES);
    }
    Map<String, String> form = form(body);
    if (form == null) {
      return Optional.of("not a form-encoded request");
    }
    if (form.containsKey("payload")) {
      return jsonProblem(form.get("payload"), INTERACTIVE_TYPES);
    }
    if (form.containsKey("command") || form.containsKey("ssl_check")) {
      return Optional.empty();
    }
    return Optional.of("neither a command nor a payload");
  }

  private static Optional<String> jsonProblem(String json, Set<String> types) {
    JsonObject payload;
    try {
      JsonElement parsed = JsonParser.parseString(json);
      if (!parsed.isJsonObject()) {
        return Optional.of("the payload is not a JSON object");
      }
      payload = parsed.getAsJsonObject();
    } catch (JsonParseException | StackOverflowError e) {
      return Optional.of("the payload is not valid JSON");
    }
    String type = text(payload, "type");
    if (type == null || !types.contains(type)) {
      return Optional.of("unknown payload type");
    }
    // the parser reads these without checking them
    if (type.equals("event_callback") && !hasText(payload, "event", "type")) {
      return Optional.of("an event without a type");
    }
    if (type.equals("view_submission") && !hasText(payload, "view", "type")) {
      return Optional.of("a view submission without a view type");
    }
    return Optional.empty();
  }

  private static boolean hasText(JsonObject payload, String object, String field) {
    JsonElement inner = payload.get(object);
    return inner != null && inner.isJsonObject() && text(inner.getAsJsonObject(), field) != null;
  }

  private static String text(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : null;
  }

  /**
   * The form's fields, the first of each name, read as Bolt reads them: a pair counts only when it
   * has exactly one {@code =}. {@code null} when a name or value is not URL encoding.
   */
  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      for (String pair : body.split("&")) {
        String[] parts = pair.split("=");
        if (parts.length == 2) {
          fields.putIfAbsent(
              URLDecoder.decode(parts[0], StandardCharsets.UTF_8).strip(),
              URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return fields;
  }
}
