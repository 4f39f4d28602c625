package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.core.reports.chart.Chart;
import io.tandem.simulator.discord.DiscordAttachment;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.DiscordUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discord delivery of charts: PNGs attached to the message through the real JDA")
class DiscordChartAttachmentTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private DiscordSimulator discord;
  private JDA jda;
  private DiscordChatPort port;
  private DiscordUser ana;

  @BeforeEach
  void start() throws Exception {
    discord = DiscordSimulator.start();
    ana = discord.user("ana");
    jda = SimulatedJda.connect(discord, TIMEOUT);
    port = new DiscordChatPort(jda, RateLimiter.unlimited());
  }

  @AfterEach
  void stop() throws Exception {
    SimulatedJda.shutdown(jda);
    discord.close();
  }

  private static ChartAttachment chart(String fileName, String title) {
    return new ChartAttachment(
        fileName,
        new Chart(
            Chart.Kind.HORIZONTAL_BAR,
            title,
            "",
            "people",
            List.of("1", "2", "3"),
            List.of(new Chart.Series("answers", List.of(2.0, 5.0, 1.0)))));
  }

  @Test
  @DisplayName("the text and every chart arrive as one message; the files decode as PNGs")
  void chartsAttached() throws Exception {
    OutgoingMessage message =
        new OutgoingMessage(
            "results:7",
            new ChatTarget.DirectMessage(ana.id()),
            Reply.info("*Monthly pulse* results", List.of(new Reply.Field("Response rate", "6/8"))),
            1,
            List.of(chart("q1.png", "Question one"), chart("q2.png", "Question two")));

    DeliveryResult result = port.deliver(message);

    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    DiscordMessage dm = discord.awaitDirectMessage(ana, 1, TIMEOUT);
    assertThat(dm.render()).contains("Monthly pulse").contains("Response rate");
    assertThat(dm.attachmentNames()).containsExactly("q1.png", "q2.png");
    List<DiscordAttachment> files = discord.attachments(dm);
    assertThat(files)
        .extracting(DiscordAttachment::description)
        .containsExactly("Question one", "Question two");
    for (DiscordAttachment file : files) {
      assertThat(file.contentType()).isEqualTo("image/png");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
      assertThat(image.getWidth()).isEqualTo(ChartAttachment.WIDTH);
      assertThat(image.getHeight()).isEqualTo(ChartAttachment.HEIGHT);
    }
  }

  @Test
  @DisplayName("a message without charts is sent as JSON, as before, with no attachments")
  void noCharts() {
    port.deliver(
        new OutgoingMessage(
            "hi:1", new ChatTarget.DirectMessage(ana.id()), Reply.info("Hi", List.of()), 1));

    DiscordMessage dm = discord.awaitDirectMessage(ana, 1, TIMEOUT);
    assertThat(dm.attachmentNames()).isEmpty();
    assertThat(discord.attachments(dm)).isEmpty();
  }
}
