package io.tandem.core.delivery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.FileAttachment;
import io.tandem.core.reports.chart.Chart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an outbox row says and to whom: the JSON stored in {@code outbox_message.payload}. {@link
 * #parse(String)} of {@link #toJson()} gives an equal payload, for every {@link Reply} and {@link
 * ChatTarget}.
 *
 * <p>Format, version 1 (every member is always written; readers reject unknown versions):
 *
 * <pre>{@code
 * {
 *   "v": 1,
 *   "target": {"type": "dm", "user": "U1"}          // or
 *             {"type": "group", "users": ["U1","U2"]}
 *             {"type": "channel", "channel": "C1"}
 *             {"type": "home", "user": "U1"},
 *   "reply": {
 *     "kind": "INFO|SUCCESS|ERROR", "visibility": "PRIVATE|PUBLIC", "text": "…",
 *     "fields":  [{"label": "…", "value": "…"}],
 *     "buttons": [{"actionId": "…", "label": "…", "value": "…", "style": "DEFAULT|PRIMARY|DANGER"}],
 *     "form": null | {"formId": "…", "title": "…", "submitLabel": "…"|null,
 *                     "inputs": [{"id": "…", "label": "…", "multiline": false, "optional": false,
 *                                 "initialValue": "…"|null, "placeholder": "…"|null}]},
 *     "inputErrors": {"inputId": "what is wrong", …}
 *   }
 * }
 * }</pre>
 *
 * Version 2 is version 1 plus charts to attach, drawn at delivery ({@link ChartAttachment}); it is
 * written only when there are attachments, so a payload without any stays readable by a version-1
 * reader:
 *
 * <pre>{@code
 * "attachments": [{"fileName": "pulse-3.png",
 *                  "chart": {"kind": "BAR|HORIZONTAL_BAR|LINE", "title": "…",
 *                            "categoryAxis": "…", "valueAxis": "…", "categories": ["1", "2"],
 *                            "series": [{"name": "…", "values": [3.0, null]}],
 *                            "subtitle": "…", "valueMax": 100.0}}]
 * }</pre>
 *
 * {@code subtitle} and {@code valueMax} are optional (absent: no subtitle, an axis fitted to the
 * values), so a payload without them reads as before and an older reader that ignores them still
 * draws the chart.
 *
 * <p>Version 3 is version 2 plus text files ({@link FileAttachment}), written only when there are
 * files: {@code "files": [{"fileName": "my-data.json", "text": "…"}]}.
 *
 * <p>Enum constants are stored by name: never rename one. Add members only with a new version.
 */
public record OutboxPayload(
    ChatTarget target, Reply reply, List<ChartAttachment> attachments, List<FileAttachment> files) {

  /** The version this code writes for payloads with charts and no files. */
  public static final int VERSION = 2;

  /** The newest version this code writes (only for payloads with files) and reads. */
  public static final int VERSION_WITH_FILES = 3;

  /** The version of payloads without attachments. */
  public static final int VERSION_WITHOUT_ATTACHMENTS = 1;

  public OutboxPayload {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reply, "reply");
    attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    files = List.copyOf(Objects.requireNonNull(files, "files"));
  }

  public OutboxPayload(ChatTarget target, Reply reply, List<ChartAttachment> attachments) {
    this(target, reply, attachments, List.of());
  }

  public OutboxPayload(ChatTarget target, Reply reply) {
    this(target, reply, List.of(), List.of());
  }

  /** Thrown when a stored payload cannot be read; the dispatcher marks such a message dead. */
  public static final class MalformedPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedPayloadException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The payload as JSON: {@link PayloadText} writes it. */
  public String toJson() {
    return PayloadText.of(this);
  }

  /**
   * Reads a payload written by {@link #toJson()}.
   *
   * @throws MalformedPayloadException when it is not such a payload
   */
  public static OutboxPayload parse(String json) {
    try {
      JsonObject root = JsonParser.parseString(json).getAsJsonObject();
      int version = root.get("v").getAsInt();
      if (version < VERSION_WITHOUT_ATTACHMENTS || version > VERSION_WITH_FILES) {
        throw new IllegalArgumentException("unknown payload version " + version);
      }
      List<ChartAttachment> attachments = new ArrayList<>();
      if (version >= VERSION) {
        for (JsonElement element : root.getAsJsonArray("attachments")) {
          JsonObject a = element.getAsJsonObject();
          attachments.add(
              new ChartAttachment(
                  a.get("fileName").getAsString(), chart(a.getAsJsonObject("chart"))));
        }
      }
      List<FileAttachment> files = new ArrayList<>();
      if (version >= VERSION_WITH_FILES) {
        for (JsonElement element : root.getAsJsonArray("files")) {
          JsonObject f = element.getAsJsonObject();
          files.add(
              new FileAttachment(f.get("fileName").getAsString(), f.get("text").getAsString()));
        }
      }
      return new OutboxPayload(
          target(root.getAsJsonObject("target")),
          reply(root.getAsJsonObject("reply")),
          attachments,
          files);
    } catch (JsonParseException
        | IllegalStateException
        | IllegalArgumentException
        | NullPointerException
        | ClassCastException
        | UnsupportedOperationException e) {
      throw new MalformedPayloadException("not an outbox payload: " + e.getMessage(), e);
    }
  }

  private static ChatTarget target(JsonObject json) {
    String type = json.get("type").getAsString();
    return switch (type) {
      case "dm" -> new ChatTarget.DirectMessage(json.get("user").getAsString());
      case "group" -> {
        List<String> users = new ArrayList<>();
        json.getAsJsonArray("users").forEach(u -> users.add(u.getAsString()));
        yield new ChatTarget.GroupMessage(users);
      }
      case "channel" -> new ChatTarget.ChannelMessage(json.get("channel").getAsString());
      case "home" -> new ChatTarget.AppHome(json.get("user").getAsString());
      default -> throw new IllegalArgumentException("unknown target type " + type);
    };
  }

  private static Reply reply(JsonObject json) {
    List<Reply.Field> fields = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("fields")) {
      JsonObject f = element.getAsJsonObject();
      fields.add(new Reply.Field(f.get("label").getAsString(), f.get("value").getAsString()));
    }
    List<Reply.Button> buttons = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("buttons")) {
      JsonObject b = element.getAsJsonObject();
      buttons.add(
          new Reply.Button(
              b.get("actionId").getAsString(),
              b.get("label").getAsString(),
              b.get("value").getAsString(),
              Reply.Button.Style.valueOf(b.get("style").getAsString())));
    }
    JsonElement form = json.get("form");
    Map<String, String> inputErrors = new LinkedHashMap<>();
    json.getAsJsonObject("inputErrors")
        .entrySet()
        .forEach(e -> inputErrors.put(e.getKey(), e.getValue().getAsString()));
    return new Reply(
        Reply.Kind.valueOf(json.get("kind").getAsString()),
        Reply.Visibility.valueOf(json.get("visibility").getAsString()),
        json.get("text").getAsString(),
        fields,
        buttons,
        form == null || form.isJsonNull() ? null : form(form.getAsJsonObject()),
        inputErrors);
  }

  private static Reply.Form form(JsonObject json) {
    List<Reply.Input> inputs = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("inputs")) {
      JsonObject i = element.getAsJsonObject();
      inputs.add(
          new Reply.Input(
              i.get("id").getAsString(),
              i.get("label").getAsString(),
              i.get("multiline").getAsBoolean(),
              i.get("optional").getAsBoolean(),
              string(i, "initialValue"),
              string(i, "placeholder")));
    }
    return new Reply.Form(
        json.get("formId").getAsString(),
        json.get("title").getAsString(),
        string(json, "submitLabel"),
        inputs);
  }

  private static Chart chart(JsonObject json) {
    List<String> categories = new ArrayList<>();
    json.getAsJsonArray("categories").forEach(c -> categories.add(c.getAsString()));
    List<Chart.Series> series = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("series")) {
      JsonObject one = element.getAsJsonObject();
      List<Double> values = new ArrayList<>();
      for (JsonElement value : one.getAsJsonArray("values")) {
        values.add(value.isJsonNull() ? null : value.getAsDouble());
      }
      series.add(new Chart.Series(one.get("name").getAsString(), values));
    }
    return new Chart(
        Chart.Kind.valueOf(json.get("kind").getAsString()),
        json.get("title").getAsString(),
        json.get("categoryAxis").getAsString(),
        json.get("valueAxis").getAsString(),
        categories,
        series,
        string(json, "subtitle"),
        json.has("valueMax") && !json.get("valueMax").isJsonNull()
            ? json.get("valueMax").getAsDouble()
            : null);
  }

  private static String string(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
