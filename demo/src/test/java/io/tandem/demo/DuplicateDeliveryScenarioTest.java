package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.StoreStats;
import io.tandem.simulator.LogCapture;
import io.tandem.simulator.discord.InteractionResult;
import io.tandem.simulator.slack.Redelivery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack delivers at least once and Discord's gateway can replay a dispatch: what a person did once
 * has one effect however often it arrives.
 */
@DisplayName("A request delivered twice has one effect")
class DuplicateDeliveryScenarioTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = SimulatedChat.start(kind);
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
  }

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      List<String> answeredTwice = chat.answeredTwice();
      chat.close();
      assertThat(answeredTwice).as("requests answered more than once").isEmpty();
    }
  }

  @Test
  @DisplayName("Slack over HTTP: a join replayed with the same body enrols once, answers once")
  void slackCommandTwice() throws Exception {
    // GIVEN Tandem over HTTP, and a Slack that delivers everything twice
    start(SimulatedChat.Kind.SLACK_HTTP);
    SimulatedSlack slack = (SimulatedSlack) chat;

    // WHEN Ben runs /tandem join mentee once
    var result =
        slack.client().withRedelivery(Redelivery.twice()).user("ben").runs("/tandem join mentee");

    // THEN one form or one answer, and nothing stored twice
    assertThat(result.ack().isOk()).isTrue();
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(
            () ->
                slack.simulator().calls("views.open").size() + slack.simulator().responses().size()
                    == 1);
  }

  @Test
  @DisplayName(
      "Slack over HTTP: a quick command delivered twice pauses once, and the repeat is no error")
  void slackQuickCommandTwice() throws Exception {
    // GIVEN Tandem over HTTP with Ben enrolled
    start(SimulatedChat.Kind.SLACK_HTTP);
    chat.enrol(SamplePeople.BEN);
    SimulatedSlack slack = (SimulatedSlack) chat;

    try (LogCapture log = LogCapture.start()) {
      // WHEN Ben's /tandem pause 2w reaches Tandem twice, the second after the first's ack
      var result =
          slack.client().withRedelivery(Redelivery.twice()).user("ben").runs("/tandem pause 2w");

      // THEN the first ack carries the answer, Ben is paused once, and the log shows no failure
      assertThat(result.ack().isOk()).isTrue();
      Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> pauses() == 1);
      assertThat(log.lines()).noneMatch(line -> line.contains("ERROR"));
    }
  }

  private long pauses() {
    return tandem
        .database()
        .inTransaction(
            em ->
                em.createQuery("SELECT COUNT(s) FROM Signal s WHERE s.type = :t", Long.class)
                    .setParameter("t", SignalType.PARTICIPANT_PAUSED)
                    .getSingleResult());
  }

  @Test
  @DisplayName("Discord: a replayed INTERACTION_CREATE is answered once and stored once")
  void discordInteractionTwice() throws Exception {
    // GIVEN Tandem on Discord with Ben enrolled
    start(SimulatedChat.Kind.DISCORD);
    chat.enrol(SamplePeople.BEN);
    long participants = StoreStats.count(tandem.database(), "participant");
    SimulatedDiscord discord = (SimulatedDiscord) chat;

    // WHEN Ben's /tandem pause reaches Tandem twice
    InteractionResult pause = discord.simulator().user("ben").runs("/tandem pause length:2w");
    pause.awaitReply(WAIT);
    discord.simulator().replay(pause);

    // THEN Discord saw one answer (a second would be refused with 40060), and nothing doubled
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(
            () ->
                discord.simulator().calls("POST", "interactions/{id}/{token}/callback").stream()
                    .allMatch(c -> c.status() == 200));
    assertThat(StoreStats.count(tandem.database(), "participant")).isEqualTo(participants);
  }
}
