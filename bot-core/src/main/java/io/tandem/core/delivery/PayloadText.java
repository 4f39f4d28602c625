package io.tandem.core.delivery;

import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.FileAttachment;
import io.tandem.core.reports.chart.Chart;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

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
    // room for it all at once: growing the buffer copied a reminder's payload three times
    int capacity = 256 + 2 * reply.text().length();
    for (Reply.Button button : reply.buttons()) {
      capacity += 96 + button.label().length() + button.value().length();
    }
    for (Reply.Field field : reply.fields()) {
      capacity += 32 + field.label().length() + field.value().length();
    }
    PayloadText json = new PayloadText(capacity);
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
      out.append(",\"files\":");
      json.array(payload.files(), json::file);
    }
    if (!payload.attachments().isEmpty() || !payload.files().isEmpty()) {
      out.append(",\"attachments\":");
      json.array(payload.attachments(), json::attachment);
    }
    return out.append('}').toString();
  }

  private void target(ChatTarget target) {
    if (target instanceof ChatTarget.DirectMessage dm) {
      out.append("{\"type\":\"dm\",\"user\":");
      string(dm.userId());
    } else if (target instanceof ChatTarget.GroupMessage group) {
      out.append("{\"type\":\"group\",\"users\":");
      array(group.userIds(), this::string);
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
    out.append(",\"fields\":");
    array(reply.fields(), this::field);
    out.append(",\"buttons\":");
    array(reply.buttons(), this::button);
    out.append(",\"form\":");
    if (reply.form() == null) {
      out.append("null");
    } else {
      form(reply.form());
    }
    out.append(",\"inputErrors\":{");
    String comma = "";
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
    out.append(",\"inputs\":");
    array(form.inputs(), this::input);
    out.append('}');
  }

  private void input(Reply.Input input) {
    out.append("{\"id\":");
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
  }

  private void field(Reply.Field field) {
    out.append("{\"label\":");
    string(field.label());
    out.append(",\"value\":");
    string(field.value());
    out.append('}');
  }

  private void button(Reply.Button button) {
    out.append("{\"actionId\":");
    string(button.actionId());
    out.append(",\"label\":");
    string(button.label());
    out.append(",\"value\":");
    string(button.value());
    out.append(",\"style\":");
    string(button.style().name());
    out.append('}');
  }

  private void file(FileAttachment file) {
    out.append("{\"fileName\":");
    string(file.fileName());
    out.append(",\"text\":");
    string(file.text());
    out.append('}');
  }

  private void attachment(ChartAttachment attachment) {
    out.append("{\"fileName\":");
    string(attachment.fileName());
    out.append(",\"chart\":");
    chart(attachment.chart());
    out.append('}');
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
    array(chart.categories(), this::string);
    out.append(",\"series\":");
    array(chart.series(), this::series);
    if (!chart.subtitle().isEmpty()) {
      out.append(",\"subtitle\":");
      string(chart.subtitle());
    }
    if (chart.valueMax() != null) {
      out.append(",\"valueMax\":").append(chart.valueMax());
    }
    out.append('}');
  }

  private void series(Chart.Series series) {
    out.append("{\"name\":");
    string(series.name());
    out.append(",\"values\":");
    array(series.values(), out::append);
    out.append('}');
  }

  private <T> void array(List<T> items, Consumer<T> each) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      each.accept(items.get(i));
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
