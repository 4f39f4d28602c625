package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.store.StoreStats;
import io.tandem.simulator.slack.ActionResult;
import io.tandem.simulator.slack.SlackClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slack's HTTP transport refuses requests it cannot prove came from Slack. */
@DisplayName("Slack over HTTP")
class SlackRequestVerificationTest {

  @TempDir Path dir;

  private SimulatedChat.Slack chat;
  private Tandem tandem;

  @BeforeEach
  void start() throws Exception {
    chat = (SimulatedChat.Slack) SimulatedChat.start(SimulatedChat.Kind.SLACK_HTTP);
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    chat.enrol(SamplePeople.BEN);
  }

  @AfterEach
  void stop() throws Exception {
    tandem.close();
    chat.close();
  }

  static Stream<Arguments> untrusted() {
    Function<SlackClient, SlackClient> forged = SlackClient::withForgedSignature;
    Function<SlackClient, SlackClient> stale = c -> c.withStaleTimestamp(Duration.ofMinutes(6));
    return Stream.of(
        Arguments.of("a forged signature", forged), Arguments.of("a stale timestamp", stale));
  }

  @ParameterizedTest(name = "refuses a command with {0} and changes nothing")
  @MethodSource("untrusted")
  void refusesUntrustedRequests(String what, Function<SlackClient, SlackClient> tamper) {
    Map<String, Long> before = StoreStats.counts(tandem.database());

    ActionResult result = tamper.apply(chat.client()).user("ben").runs("/tandem log 45m Reels");

    assertThat(result.ack().status()).isEqualTo(401);
    // A trusted command sent afterwards is answered; nothing from the refused one was stored.
    chat.run("ben", "status");
    assertThat(chat.simulator().responses()).noneMatch(r -> r.readableText().contains("Reels"));
    Map<String, Long> after = StoreStats.counts(tandem.database());
    assertThat(after.get("mentoring_session")).isEqualTo(before.get("mentoring_session"));
    assertThat(after.get("participant")).isEqualTo(before.get("participant"));
  }
}
