package io.tandem.core.delivery;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.FileAttachment;
import io.tandem.core.reports.chart.Chart;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link OutboxPayload} as JSON straight to text: the same text a Gson tree of it would
 * print (the reminder job writes thousands per firing, and building the trees first cost as much as
 * the database work).
 */
final class PayloadText {

  private PayloadText() {}

  static String of(OutboxPayload payload) {
    Reply reply = payload.reply();
    StringWriter text = new StringWriter(256 + reply.text().length());
    try (JsonWriter json = new JsonWriter(text)) {
      json.setStrictness(Strictness.LENIENT);
      json.beginObject();
      json.name("v")
          .value(
              !payload.files().isEmpty()
                  ? OutboxPayload.VERSION_WITH_FILES
                  : payload.attachments().isEmpty()
                      ? OutboxPayload.VERSION_WITHOUT_ATTACHMENTS
                      : OutboxPayload.VERSION);
      json.name("target");
      writeTarget(json, payload.target());
      json.name("reply");
      writeReply(json, reply);
      if (!payload.files().isEmpty()) {
        json.name("files").beginArray();
        for (FileAttachment file : payload.files()) {
          json.beginObject();
          json.name("fileName").value(file.fileName());
          json.name("text").value(file.text());
          json.endObject();
        }
        json.endArray();
      }
      if (!payload.attachments().isEmpty() || !payload.files().isEmpty()) {
        json.name("attachments").beginArray();
        for (ChartAttachment attachment : payload.attachments()) {
          json.beginObject();
          json.name("fileName").value(attachment.fileName());
          json.name("chart");
          writeChart(json, attachment.chart());
          json.endObject();
        }
        json.endArray();
      }
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void writeTarget(JsonWriter json, ChatTarget target) throws IOException {
    json.beginObject();
    if (target instanceof ChatTarget.DirectMessage dm) {
      json.name("type").value("dm");
      json.name("user").value(dm.userId());
    } else if (target instanceof ChatTarget.GroupMessage group) {
      json.name("type").value("group");
      json.name("users").beginArray();
      for (String user : group.userIds()) {
        json.value(user);
      }
      json.endArray();
    } else if (target instanceof ChatTarget.ChannelMessage channel) {
      json.name("type").value("channel");
      json.name("channel").value(channel.channelId());
    } else if (target instanceof ChatTarget.AppHome home) {
      json.name("type").value("home");
      json.name("user").value(home.userId());
    } else {
      throw new IllegalArgumentException("unknown target " + target);
    }
    json.endObject();
  }

  private static void writeReply(JsonWriter json, Reply reply) throws IOException {
    json.beginObject();
    json.name("kind").value(reply.kind().name());
    json.name("visibility").value(reply.visibility().name());
    json.name("text").value(reply.text());
    json.name("fields").beginArray();
    for (Reply.Field field : reply.fields()) {
      json.beginObject();
      json.name("label").value(field.label());
      json.name("value").value(field.value());
      json.endObject();
    }
    json.endArray();
    json.name("buttons").beginArray();
    for (Reply.Button button : reply.buttons()) {
      json.beginObject();
      json.name("actionId").value(button.actionId());
      json.name("label").value(button.label());
      json.name("value").value(button.value());
      json.name("style").value(button.style().name());
      json.endObject();
    }
    json.endArray();
    json.name("form");
    if (reply.form() == null) {
      json.nullValue();
    } else {
      writeForm(json, reply.form());
    }
    json.name("inputErrors").beginObject();
    for (Map.Entry<String, String> error : new TreeMap<>(reply.inputErrors()).entrySet()) {
      json.name(error.getKey()).value(error.getValue());
    }
    json.endObject();
    json.endObject();
  }

  private static void writeForm(JsonWriter json, Reply.Form form) throws IOException {
    json.beginObject();
    json.name("formId").value(form.formId());
    json.name("title").value(form.title());
    json.name("submitLabel").value(form.submitLabel());
    json.name("inputs").beginArray();
    for (Reply.Input input : form.inputs()) {
      json.beginObject();
      json.name("id").value(input.id());
      json.name("label").value(input.label());
      json.name("multiline").value(input.multiline());
      json.name("optional").value(input.optional());
      json.name("initialValue").value(input.initialValue());
      json.name("placeholder").value(input.placeholder());
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  private static void writeChart(JsonWriter json, Chart chart) throws IOException {
    json.beginObject();
    json.name("kind").value(chart.kind().name());
    json.name("title").value(chart.title());
    json.name("categoryAxis").value(chart.categoryAxis());
    json.name("valueAxis").value(chart.valueAxis());
    json.name("categories").beginArray();
    for (String category : chart.categories()) {
      json.value(category);
    }
    json.endArray();
    json.name("series").beginArray();
    for (Chart.Series s : chart.series()) {
      json.beginObject();
      json.name("name").value(s.name());
      json.name("values").beginArray();
      for (Double value : s.values()) {
        json.value(value);
      }
      json.endArray();
      json.endObject();
    }
    json.endArray();
    if (!chart.subtitle().isEmpty()) {
      json.name("subtitle").value(chart.subtitle());
    }
    if (chart.valueMax() != null) {
      json.name("valueMax").value(chart.valueMax());
    }
    json.endObject();
  }
}
