package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.app.Tandem;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackMessage;
import io.tandem.simulator.slack.SlackSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Tandem says on its own arrives: the outbox dispatcher, the platform's ChatPort and the
 * simulator, end to end, on every transport.
 */
@DisplayName("Outbox delivery, end to end")
class OutboxDeliveryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

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
      chat.close();
    }
  }

  private String outboxState() throws Exception {
    try (Connection c = tandem.database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT state FROM outbox_message")) {
      return rs.next() ? rs.getString(1) : "(none)";
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("the welcome DM queued by joining arrives in the person's DMs, once")
  void welcomeArrives(SimulatedChat.Kind kind) throws Exception {
    // GIVEN Tandem running against the platform
    start(kind);

    // WHEN ana joins and fills in her profile
    chat.enrol(SamplePeople.ANA);

    // THEN the welcome message arrives as a DM and the outbox records it delivered
    if (chat instanceof SimulatedSlack slack) {
      SlackSimulator simulator = slack.simulator();
      SimulatedUser ana = simulator.user("ana");
      SlackMessage dm = simulator.awaitDirectMessage(ana, TIMEOUT);
      assertThat(dm.channel()).isEqualTo(ana.dmChannelId());
      assertThat(dm.readableText()).contains("welcome to").contains("mentor");
      assertThat(simulator.calls("conversations.open")).hasSize(1);
      assertThat(simulator.calls("chat.postMessage")).hasSize(1);
    } else {
      DiscordSimulator simulator = ((SimulatedDiscord) chat).simulator();
      DiscordMessage dm = simulator.awaitDirectMessage(simulator.user("ana"), 1, TIMEOUT);
      assertThat(dm.content()).contains("welcome to").contains("mentor");
      // the simulator records the call just after it stores the message
      simulator.awaitCalls("POST", "channels/{channel_id}/messages", 1, TIMEOUT);
      assertThat(simulator.calls("POST", "channels/{channel_id}/messages")).hasSize(1);
    }
    await().atMost(TIMEOUT).until(() -> outboxState().equals("DELIVERED"));
  }

  @org.junit.jupiter.api.Test
  @DisplayName("after a restart, a DM to someone Tandem wrote to before opens no conversation")
  void restartKeepsDmChannels() throws Exception {
    // GIVEN ana joined and got her welcome DM (Slack opened the conversation once)
    start(SimulatedChat.Kind.SLACK_SOCKET);
    chat.enrol(SamplePeople.ANA);
    SlackSimulator simulator = ((SimulatedSlack) chat).simulator();
    SimulatedUser ana = simulator.user("ana");
    simulator.awaitDirectMessage(ana, TIMEOUT);
    assertThat(simulator.calls("conversations.open")).hasSize(1);

    // WHEN Tandem restarts on the same database and has something to tell her
    tandem.close();
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    tandem
        .database()
        .transaction(
            store -> {
              Workspace workspace =
                  Workspaces.in(store).find(Platform.SLACK, simulator.teamId()).orElseThrow();
              Instant now = Instant.now();
              return Outbox.queue(
                  store,
                  workspace.getId(),
                  Platform.SLACK,
                  "after-restart",
                  new ChatTarget.DirectMessage(ana.id()),
                  Reply.info("Still here after the restart", List.of()),
                  now,
                  now);
            });

    // THEN it arrives in the same DM, and Slack's Tier 3 conversations.open was not called again
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                simulator.messages().stream()
                    .anyMatch(m -> m.readableText().contains("Still here after the restart")));
    SlackMessage second =
        simulator.messages().stream()
            .filter(m -> m.readableText().contains("Still here after the restart"))
            .findFirst()
            .orElseThrow();
    assertThat(second.channel()).isEqualTo(ana.dmChannelId());
    assertThat(simulator.calls("conversations.open")).hasSize(1);
  }
}
