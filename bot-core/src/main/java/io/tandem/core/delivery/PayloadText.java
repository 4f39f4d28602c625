package io.tandem.core.delivery;

import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.FileAttachment;
import io.tandem.core.reports.chart.Chart;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link OutboxPayload} as JSON straight to text: the same text a Gson tree of it would
 * print (the reminder job writes thousands per firing, and building the trees first cost as much as
 * the database work). The shape is fixed, so the names are written as they are and only the values
 * are escaped, as Gson escapes them (a streaming writer escaping every name into a synchronized
 * buffer was a sixth of a reminder pass).
 */
final class PayloadText {

  /** What Gson writes for each character below a space. */
  private static final String[] CONTROL = new String[0x20];

  static {
    for (int c = 0; c < CONTROL.length; c++) {
      CONTROL[c] = String.format("\\u%04x", c);
    }
    CONTROL['\t'] = "\\t";
    CONTROL['\b'] = "\\b";
    CONTROL['\n'] = "\\n";
    CONTROL['\r'] = "\\r";
    CONTROL['\f'] = "\\f";
  }

  private final StringBuilder out;

  private PayloadText(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  static String of(OutboxPayload payload) {
    Reply reply = payload.reply();
    PayloadText json = new PayloadText(256 + 2 * reply.text().length());
    StringBuilder out = json.out;
    out.append("{\"v\":")
        .append(
            !payload.files().isEmpty()
                ? OutboxPayload.VERSION_WITH_FILES
                : payload.attachments().isEmpty()
                    ? OutboxPayload.VERSION_WITHOUT_ATTACHMENTS
                    : OutboxPayload.VERSION);
    out.append(",\"target\":");
    json.target(payload.target());
    out.append(",\"reply\":");
    json.reply(reply);
    if (!payload.files().isEmpty()) {
      out.append(",\"files\":[");
      String comma = "";
      for (FileAttachment file : payload.files()) {
        out.append(comma).append("{\"fileName\":");
        json.string(file.fileName());
        out.append(",\"text\":");
        json.string(file.text());
        out.append('}');
        comma = ",";
      }
      out.append(']');
    }
    if (!payload.attachments().isEmpty() || !payload.files().isEmpty()) {
      out.append(",\"attachments\":[");
      String comma = "";
      for (ChartAttachment attachment : payload.attachments()) {
        out.append(comma).append("{\"fileName\":");
        json.string(attachment.fileName());
        out.append(",\"chart\":");
        json.chart(attachment.chart());
        out.append('}');
        comma = ",";
      }
      out.append(']');
    }
    return out.append('}').toString();
  }

  private void target(ChatTarget target) {
    if (target instanceof ChatTarget.DirectMessage dm) {
      out.append("{\"type\":\"dm\",\"user\":");
      string(dm.userId());
    } else if (target instanceof ChatTarget.GroupMessage group) {
      out.append("{\"type\":\"group\",\"users\":");
      strings(group.userIds());
    } else if (target instanceof ChatTarget.ChannelMessage channel) {
      out.append("{\"type\":\"channel\",\"channel\":");
      string(channel.channelId());
    } else if (target instanceof ChatTarget.AppHome home) {
      out.append("{\"type\":\"home\",\"user\":");
      string(home.userId());
    } else {
      throw new IllegalArgumentException("unknown target " + target);
    }
    out.append('}');
  }

  private void reply(Reply reply) {
    out.append("{\"kind\":");
    string(reply.kind().name());
    out.append(",\"visibility\":");
    string(reply.visibility().name());
    out.append(",\"text\":");
    string(reply.text());
    out.append(",\"fields\":[");
    String comma = "";
    for (Reply.Field field : reply.fields()) {
      out.append(comma).append("{\"label\":");
      string(field.label());
      out.append(",\"value\":");
      string(field.value());
      out.append('}');
      comma = ",";
    }
    out.append("],\"buttons\":[");
    comma = "";
    for (Reply.Button button : reply.buttons()) {
      out.append(comma).append("{\"actionId\":");
      string(button.actionId());
      out.append(",\"label\":");
      string(button.label());
      out.append(",\"value\":");
      string(button.value());
      out.append(",\"style\":");
      string(button.style().name());
      out.append('}');
      comma = ",";
    }
    out.append("],\"form\":");
    if (reply.form() == null) {
      out.append("null");
    } else {
      form(reply.form());
    }
    out.append(",\"inputErrors\":{");
    comma = "";
    for (Map.Entry<String, String> error : new TreeMap<>(reply.inputErrors()).entrySet()) {
      out.append(comma);
      string(error.getKey());
      out.append(':');
      string(error.getValue());
      comma = ",";
    }
    out.append("}}");
  }

  private void form(Reply.Form form) {
    out.append("{\"formId\":");
    string(form.formId());
    out.append(",\"title\":");
    string(form.title());
    out.append(",\"submitLabel\":");
    string(form.submitLabel());
    out.append(",\"inputs\":[");
    String comma = "";
    for (Reply.Input input : form.inputs()) {
      out.append(comma).append("{\"id\":");
      string(input.id());
      out.append(",\"label\":");
      string(input.label());
      out.append(",\"multiline\":").append(input.multiline());
      out.append(",\"optional\":").append(input.optional());
      out.append(",\"initialValue\":");
      string(input.initialValue());
      out.append(",\"placeholder\":");
      string(input.placeholder());
      out.append('}');
      comma = ",";
    }
    out.append("]}");
  }

  private void chart(Chart chart) {
    out.append("{\"kind\":");
    string(chart.kind().name());
    out.append(",\"title\":");
    string(chart.title());
    out.append(",\"categoryAxis\":");
    string(chart.categoryAxis());
    out.append(",\"valueAxis\":");
    string(chart.valueAxis());
    out.append(",\"categories\":");
    strings(chart.categories());
    out.append(",\"series\":[");
    String comma = "";
    for (Chart.Series s : chart.series()) {
      out.append(comma).append("{\"name\":");
      string(s.name());
      out.append(",\"values\":[");
      String between = "";
      for (Double value : s.values()) {
        out.append(between).append(value);
        between = ",";
      }
      out.append("]}");
      comma = ",";
    }
    out.append(']');
    if (!chart.subtitle().isEmpty()) {
      out.append(",\"subtitle\":");
      string(chart.subtitle());
    }
    if (chart.valueMax() != null) {
      out.append(",\"valueMax\":").append(chart.valueMax());
    }
    out.append('}');
  }

  private void strings(List<String> values) {
    out.append('[');
    String comma = "";
    for (String value : values) {
      out.append(comma);
      string(value);
      comma = ",";
    }
    out.append(']');
  }

  /** A string value as Gson writes it (not HTML-safe), or {@code null}. */
  private void string(String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    int last = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      String escaped;
      if (c < CONTROL.length) {
        escaped = CONTROL[c];
      } else if (c == '"') {
        escaped = "\\\"";
      } else if (c == '\\') {
        escaped = "\\\\";
      } else if (c == '\u2028') {
        escaped = "\\u2028";
      } else if (c == '\u2029') {
        escaped = "\\u2029";
      } else {
        continue;
      }
      out.append(value, last, i).append(escaped);
      last = i + 1;
    }
    out.append(value, last, length).append('"');
  }
}
