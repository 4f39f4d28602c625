package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.reports.chart.Chart;
import io.tandem.simulator.slack.ApiCall;
import io.tandem.simulator.slack.Fault;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackFile;
import io.tandem.simulator.slack.SlackSimulator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack delivery of charts: the external file upload flow against the simulated Slack")
class SlackChartUploadTest {

  private static final ChartAttachment CHART =
      new ChartAttachment(
          "pulse-1.png",
          new Chart(
              Chart.Kind.BAR,
              "How supported do you feel?",
              "answer",
              "people",
              List.of("1", "2", "3", "4", "5"),
              List.of(new Chart.Series("answers", List.of(0.0, 1.0, 2.0, 4.0, 3.0)))));

  private SlackSimulator slack;
  private SlackChatPort port;
  private SimulatedUser ana;

  @BeforeEach
  void startSlack() {
    slack = SlackSimulator.start("xoxb-test", "xapp-test");
    ana = slack.user("ana");
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    port =
        new SlackChatPort(
            Slack.getInstance(config).methods(slack.botToken()), SlackChatPort.Limits.unlimited());
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  private OutgoingMessage withChart(Reply reply) {
    return new OutgoingMessage(
        "results:1", new ChatTarget.DirectMessage(ana.id()), reply, 1, List.of(CHART));
  }

  @Test
  @DisplayName("text and chart arrive as one message: the PNG is shared with the text as comment")
  void chartWithText() throws IOException {
    // WHEN a DM with a chart is delivered
    DeliveryResult result =
        port.deliver(
            withChart(
                Reply.info(
                    "*Monthly pulse* results", List.of(new Reply.Field("Response rate", "6/8")))));

    // THEN the bytes went through an upload URL and were shared in ana's DM with the text
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(slack.calls("files.getUploadURLExternal")).hasSize(1);
    ApiCall asked = slack.calls("files.getUploadURLExternal").get(0);
    assertThat(asked.param("filename")).isEqualTo("pulse-1.png");
    assertThat(asked.param("alt_txt")).isEqualTo("How supported do you feel?");
    assertThat(slack.calls("chat.postMessage")).isEmpty();
    assertThat(slack.files()).hasSize(1);
    SlackFile file = slack.files().get(0);
    assertThat(file.name()).isEqualTo("pulse-1.png");
    assertThat(file.title()).isEqualTo("How supported do you feel?");
    assertThat(file.channel()).isEqualTo(ana.dmChannelId());
    assertThat(file.initialComment()).isEqualTo("*Monthly pulse* results\n*Response rate*: 6/8");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
    assertThat(image.getWidth()).isEqualTo(ChartAttachment.WIDTH);
    assertThat(image.getHeight()).isEqualTo(ChartAttachment.HEIGHT);
    assertThat(slack.awaitDirectMessage(ana, java.time.Duration.ofSeconds(5)).text())
        .contains("Monthly pulse");
  }

  @Test
  @DisplayName("a message with buttons is posted as Block Kit, and the chart follows it")
  void chartWithButtons() {
    Reply reply =
        new Reply(
            Reply.Kind.INFO,
            Reply.Visibility.PRIVATE,
            "Results",
            List.of(),
            List.of(new Reply.Button("survey.more", "More", "1", Reply.Button.Style.DEFAULT)),
            null,
            java.util.Map.of());

    DeliveryResult result = port.deliver(withChart(reply));

    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(slack.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.files())
        .singleElement()
        .satisfies(f -> assertThat(f.initialComment()).isEmpty());
  }

  @Test
  @DisplayName("a failed upload step is retried later and shares nothing half-way")
  void failures() {
    slack.failNext("files.getUploadURLExternal", 1, Fault.serverError(503));
    assertThat(port.deliver(withChart(Reply.info("Results", List.of()))))
        .isInstanceOf(DeliveryResult.TransientFailure.class);

    slack.failNext("files.completeUploadExternal", 1, Fault.rateLimited(4));
    DeliveryResult limited = port.deliver(withChart(Reply.info("Results", List.of())));
    assertThat(limited).isInstanceOf(DeliveryResult.RetryAfter.class);
    assertThat(slack.files()).isEmpty();

    assertThat(port.deliver(withChart(Reply.info("Results", List.of()))))
        .isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(slack.files()).hasSize(1);
  }
}
