package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.FileAttachment;
import io.tandem.core.reports.chart.Chart;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The outbox payload format")
class OutboxPayloadTest {

  static final Reply EVERYTHING =
      new Reply(
          Reply.Kind.ERROR,
          Reply.Visibility.PUBLIC,
          "Quotes \" backslash \\ newline\n tab\t unicode ✓ 😀 and *bold*",
          List.of(new Reply.Field("Program", "Pilot"), new Reply.Field("Empty", "")),
          List.of(
              new Reply.Button("log.open", "We met — log it", "pair:7", Reply.Button.Style.PRIMARY),
              new Reply.Button("pair.help", "We need help", "", Reply.Button.Style.DANGER),
              new Reply.Button("snooze", "Snooze", "2d", Reply.Button.Style.DEFAULT)),
          new Reply.Form(
              "log",
              "Log a session",
              null,
              List.of(
                  new Reply.Input("minutes", "How long", false, false, "45", "e.g. 45m"),
                  new Reply.Input("topic", "What you covered", true, true, null, null))),
          Map.of("minutes", "not a duration", "topic", "too long"));

  @Test
  @DisplayName("every target and a reply using every feature round-trip exactly")
  void roundTrips() {
    for (ChatTarget target :
        List.of(
            new ChatTarget.DirectMessage("U1"),
            new ChatTarget.GroupMessage(List.of("U2", "U1", "U3")),
            new ChatTarget.ChannelMessage("C42"),
            new ChatTarget.AppHome("U9"))) {
      for (Reply reply :
          List.of(
              EVERYTHING,
              Reply.info("plain", List.of()),
              Reply.success("", List.of(new Reply.Field("a", "b"))))) {
        OutboxPayload payload = new OutboxPayload(target, reply);

        String json = payload.toJson();
        OutboxPayload read = OutboxPayload.parse(json);

        assertThat(read).isEqualTo(payload);
        assertThat(read.toJson()).isEqualTo(json);
      }
    }
  }

  @Test
  @DisplayName("the stored form is versioned, documented JSON")
  void format() {
    String json =
        new OutboxPayload(
                new ChatTarget.DirectMessage("U1"),
                Reply.info("Hi", List.of(new Reply.Field("Role", "mentor"))))
            .toJson();

    assertThat(json)
        .isEqualTo(
            "{\"v\":1,\"target\":{\"type\":\"dm\",\"user\":\"U1\"},\"reply\":{\"kind\":\"INFO\","
                + "\"visibility\":\"PRIVATE\",\"text\":\"Hi\",\"fields\":[{\"label\":\"Role\","
                + "\"value\":\"mentor\"}],\"buttons\":[],\"form\":null,\"inputErrors\":{}}}");
  }

  @Test
  @DisplayName("anything else is refused as malformed, never half-read")
  void malformed() {
    for (String bad :
        List.of(
            "",
            "not json",
            "{}",
            "{\"v\":3,\"target\":{\"type\":\"dm\",\"user\":\"U1\"},\"reply\":{}}",
            new OutboxPayload(new ChatTarget.DirectMessage("U1"), Reply.info("Hi", List.of()))
                .toJson()
                .replace("\"v\":1", "\"v\":2"),
            "{\"kind\":\"welcome\",\"text\":\"Hi\",\"programId\":1}",
            "{\"v\":1,\"target\":{\"type\":\"fax\"},\"reply\":{}}")) {
      assertThatThrownBy(() -> OutboxPayload.parse(bad))
          .as(bad)
          .isInstanceOf(OutboxPayload.MalformedPayloadException.class);
    }
  }

  @Test
  @DisplayName("charts to attach round-trip as version 2; without any the payload stays version 1")
  void attachments() {
    ChartAttachment chart =
        new ChartAttachment(
            "pulse-3.png",
            new Chart(
                Chart.Kind.BAR,
                "How supported do you feel? \"quoted\" ✓",
                "answer",
                "people",
                List.of("1", "2", "3"),
                List.of(
                    new Chart.Series("this run", Arrays.asList(1.0, null, 2.5)),
                    new Chart.Series("last run", List.of(0.0, 4.0, 1.0)))));
    ChartAttachment line =
        new ChartAttachment(
            "trend.png",
            new Chart(
                Chart.Kind.LINE,
                "",
                "",
                "",
                List.of("Jan"),
                List.of(new Chart.Series("mean", List.of(3.2)))));
    ChartAttachment bounded =
        new ChartAttachment(
            "retention.png",
            new Chart(
                Chart.Kind.BAR,
                "Retention",
                "",
                "%",
                List.of("participants (no data, n = 0)"),
                List.of(new Chart.Series("retained %", Arrays.asList((Double) null))),
                "Spring pilot · as of 2027-01-11 08:00:05 UTC",
                100.0));
    OutboxPayload payload =
        new OutboxPayload(
            new ChatTarget.DirectMessage("U1"), EVERYTHING, List.of(chart, line, bounded));

    String json = payload.toJson();
    OutboxPayload read = OutboxPayload.parse(json);

    assertThat(json)
        .startsWith("{\"v\":2,")
        .contains("\"values\":[1.0,null,2.5]")
        .contains("\"valueMax\":100.0");
    assertThat(read).isEqualTo(payload);
    assertThat(read.toJson()).isEqualTo(json);
    assertThat(OutboxPayload.parse(new OutboxPayload(payload.target(), EVERYTHING).toJson()))
        .isEqualTo(new OutboxPayload(payload.target(), EVERYTHING, List.of()));
    // written straight to text, it is the text a Gson tree of it prints: stored payloads keep
    // their form whichever way they were written
    assertThat(JsonParser.parseString(json).toString()).isEqualTo(json);
    OutboxPayload withFiles =
        new OutboxPayload(
            new ChatTarget.GroupMessage(List.of("U2", "U1")),
            EVERYTHING,
            List.of(line),
            List.of(new FileAttachment("my-data.json", "{\"a\": \"<b> & ✓\"}\n")));
    String filesJson = withFiles.toJson();
    assertThat(JsonParser.parseString(filesJson).toString()).isEqualTo(filesJson);
    assertThat(OutboxPayload.parse(filesJson)).isEqualTo(withFiles);
  }

  @Test
  @DisplayName("text is escaped as Gson escapes it: quotes, backslashes, control characters")
  void escaping() {
    StringBuilder every = new StringBuilder("\"quoted\" back\\slash <b> & ✓ — ");
    for (char c = 0; c < 0x20; c++) {
      every.append(c);
    }
    every.append('\u2028').append('\u2029').append('\u007f');
    OutboxPayload payload =
        new OutboxPayload(
            new ChatTarget.DirectMessage("U\"1"),
            new Reply(
                Reply.Kind.INFO,
                Reply.Visibility.PRIVATE,
                every.toString(),
                List.of(new Reply.Field("a\tb", every.toString())),
                List.of(),
                null,
                Map.of("x\ny", every.toString())));

    String json = payload.toJson();

    assertThat(JsonParser.parseString(json).toString()).isEqualTo(json);
    assertThat(OutboxPayload.parse(json)).isEqualTo(payload);
    assertThat(json).contains("\\u2028\\u2029").contains("\\u0000\\u0001").contains("\\b\\t\\n");
  }
}
