package io.tandem.core.delivery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
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
import java.util.TreeMap;

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

  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty(
        "v",
        !files.isEmpty()
            ? VERSION_WITH_FILES
            : attachments.isEmpty() ? VERSION_WITHOUT_ATTACHMENTS : VERSION);
    root.add("target", target(target));
    root.add("reply", reply(reply));
    if (!files.isEmpty()) {
      JsonArray array = new JsonArray();
      for (FileAttachment file : files) {
        JsonObject f = new JsonObject();
        f.addProperty("fileName", file.fileName());
        f.addProperty("text", file.text());
        array.add(f);
      }
      root.add("files", array);
    }
    if (!attachments.isEmpty() || !files.isEmpty()) {
      JsonArray array = new JsonArray();
      for (ChartAttachment attachment : attachments) {
        JsonObject a = new JsonObject();
        a.addProperty("fileName", attachment.fileName());
        a.add("chart", chart(attachment.chart()));
        array.add(a);
      }
      root.add("attachments", array);
    }
    return root.toString();
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

  private static JsonObject target(ChatTarget target) {
    JsonObject json = new JsonObject();
    if (target instanceof ChatTarget.DirectMessage dm) {
      json.addProperty("type", "dm");
      json.addProperty("user", dm.userId());
    } else if (target instanceof ChatTarget.GroupMessage group) {
      json.addProperty("type", "group");
      JsonArray users = new JsonArray();
      group.userIds().forEach(users::add);
      json.add("users", users);
    } else if (target instanceof ChatTarget.ChannelMessage channel) {
      json.addProperty("type", "channel");
      json.addProperty("channel", channel.channelId());
    } else if (target instanceof ChatTarget.AppHome home) {
      json.addProperty("type", "home");
      json.addProperty("user", home.userId());
    } else {
      throw new IllegalArgumentException("unknown target " + target);
    }
    return json;
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

  private static JsonObject reply(Reply reply) {
    JsonObject json = new JsonObject();
    json.addProperty("kind", reply.kind().name());
    json.addProperty("visibility", reply.visibility().name());
    json.addProperty("text", reply.text());
    JsonArray fields = new JsonArray();
    for (Reply.Field field : reply.fields()) {
      JsonObject f = new JsonObject();
      f.addProperty("label", field.label());
      f.addProperty("value", field.value());
      fields.add(f);
    }
    json.add("fields", fields);
    JsonArray buttons = new JsonArray();
    for (Reply.Button button : reply.buttons()) {
      JsonObject b = new JsonObject();
      b.addProperty("actionId", button.actionId());
      b.addProperty("label", button.label());
      b.addProperty("value", button.value());
      b.addProperty("style", button.style().name());
      buttons.add(b);
    }
    json.add("buttons", buttons);
    json.add("form", reply.form() == null ? JsonNull.INSTANCE : form(reply.form()));
    JsonObject inputErrors = new JsonObject();
    new TreeMap<>(reply.inputErrors()).forEach(inputErrors::addProperty);
    json.add("inputErrors", inputErrors);
    return json;
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

  private static JsonObject form(Reply.Form form) {
    JsonObject json = new JsonObject();
    json.addProperty("formId", form.formId());
    json.addProperty("title", form.title());
    json.addProperty("submitLabel", form.submitLabel());
    JsonArray inputs = new JsonArray();
    for (Reply.Input input : form.inputs()) {
      JsonObject i = new JsonObject();
      i.addProperty("id", input.id());
      i.addProperty("label", input.label());
      i.addProperty("multiline", input.multiline());
      i.addProperty("optional", input.optional());
      i.addProperty("initialValue", input.initialValue());
      i.addProperty("placeholder", input.placeholder());
      inputs.add(i);
    }
    json.add("inputs", inputs);
    return json;
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

  private static JsonObject chart(Chart chart) {
    JsonObject json = new JsonObject();
    json.addProperty("kind", chart.kind().name());
    json.addProperty("title", chart.title());
    json.addProperty("categoryAxis", chart.categoryAxis());
    json.addProperty("valueAxis", chart.valueAxis());
    JsonArray categories = new JsonArray();
    chart.categories().forEach(categories::add);
    json.add("categories", categories);
    JsonArray series = new JsonArray();
    for (Chart.Series s : chart.series()) {
      JsonObject one = new JsonObject();
      one.addProperty("name", s.name());
      JsonArray values = new JsonArray();
      for (Double value : s.values()) {
        if (value == null) {
          values.add(JsonNull.INSTANCE);
        } else {
          values.add(value);
        }
      }
      one.add("values", values);
      series.add(one);
    }
    json.add("series", series);
    if (!chart.subtitle().isEmpty()) {
      json.addProperty("subtitle", chart.subtitle());
    }
    if (chart.valueMax() != null) {
      json.addProperty("valueMax", chart.valueMax());
    }
    return json;
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
