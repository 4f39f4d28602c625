package io.tandem.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * With Nagle's algorithm on, the JDK's HTTP server sends a response's body only after the client
 * acknowledged its headers, which the client delays by about 40 ms: every call took 40 ms or more.
 * Twenty sequential calls therefore took at least 800 ms; without the stall they take a few ms
 * each, even on a loaded machine.
 */
@DisplayName("The simulators answer small requests without a Nagle stall")
class NoNagleStallTest {
  private static final int CALLS = 20;
  private static final Duration STALL_FREE = Duration.ofMillis(CALLS * 40L);

  @Test
  @DisplayName("twenty answers posted to Slack response_urls in a row take less than 20 x 40 ms")
  void slackResponseUrls() throws Exception {
    try (SlackSimulator slack = SlackSimulator.start("xoxb-nodelay", "xapp-nodelay");
        Slack client = Slack.getInstance(config(slack))) {
      String channel = slack.user("ana").dmChannelId();
      String body = "{\"response_type\":\"ephemeral\",\"text\":\"Logged 45 minutes\"}";
      Duration took =
          timeSequential(
              () -> {
                String url = slack.issueResponseUrl(slack.user("ana"), channel);
                try (okhttp3.Response response = client.getHttpClient().postJsonBody(url, body)) {
                  assertThat(response.code()).isEqualTo(200);
                }
              });
      assertThat(took).isLessThan(STALL_FREE);
    }
  }

  @Test
  @DisplayName("twenty Slack Web API calls in a row take less than 20 x 40 ms")
  void slackWebApi() throws Exception {
    try (SlackSimulator slack = SlackSimulator.start("xoxb-nodelay", "xapp-nodelay");
        Slack client = Slack.getInstance(config(slack))) {
      MethodsClient bot = client.methods(slack.botToken());
      Duration took = timeSequential(() -> assertThat(bot.authTest(r -> r).isOk()).isTrue());
      assertThat(took).isLessThan(STALL_FREE);
    }
  }

  @Test
  @DisplayName("twenty Discord REST messages in a row take less than 20 x 40 ms")
  void discordRest() throws Exception {
    try (DiscordSimulator discord = DiscordSimulator.start()) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest post =
          HttpRequest.newBuilder(
                  URI.create(discord.restUrl() + "channels/" + discord.channelId() + "/messages"))
              .header("Authorization", "Bot " + discord.botToken())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"Logged 45 minutes\"}"))
              .build();
      Duration took =
          timeSequential(
              () ->
                  assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode())
                      .isEqualTo(200));
      assertThat(took).isLessThan(STALL_FREE);
    }
  }

  private static SlackConfig config(SlackSimulator slack) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    return config;
  }

  /** Runs the call a few times to warm up, then {@link #CALLS} times in a row, timed. */
  private static Duration timeSequential(Call call) throws Exception {
    for (int i = 0; i < 5; i++) {
      call.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private interface Call {
    void run() throws Exception;
  }
}
