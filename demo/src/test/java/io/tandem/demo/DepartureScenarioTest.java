package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.simulator.discord.DiscordSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Without an HR roster, retention is a proxy: members Tandem saw leave the workspace or server.
 * Played on every platform through the real adapters: a participant leaves, the admin's report
 * shows one fewer staying.
 */
@DisplayName("Departures in the retention proxy, on every platform")
class DepartureScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

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

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a participant who leaves no longer counts as staying in the admin's report")
  void participantLeaves(SimulatedChat.Kind kind) throws Exception {
    // GIVEN four people enrolled and paired, on a Tandem that records departures
    chat = SimulatedChat.start(kind).trackingDepartures();
    pairFourPeople();
    assertThat(chat.run("maya", "report").text())
        .contains("participants 4 of 4 stayed (100%)")
        .contains("proxy: members who left the workspace or server");

    // WHEN Ana leaves the workspace (Slack: account deactivated; Discord: left the server)
    chat.leave("ana");

    // THEN the admin's report counts her as gone
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(chat.run("maya", "report").text())
                    .contains("participants 3 of 4 stayed (75%)"));
  }

  @Test
  @DisplayName("on Discord, departures are off by default: no Server Members intent is asked for")
  void discordOffByDefault() throws Exception {
    // GIVEN a Tandem on Discord with the default settings
    chat = SimulatedChat.start(SimulatedChat.Kind.DISCORD);
    pairFourPeople();
    DiscordSimulator discord = ((SimulatedDiscord) chat).simulator();

    // THEN it identified without the privileged intent, so Discord tells it of no departures
    assertThat(discord.identifiedIntents())
        .isNotEmpty()
        .allMatch(intents -> (intents & DiscordSimulator.GUILD_MEMBERS_INTENT) == 0);
    chat.leave("ana");
    assertThat(chat.run("maya", "report").text()).contains("participants 4 of 4 stayed (100%)");
  }

  private void pairFourPeople() throws Exception {
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    chat.makeAdmin("maya");
    tandem = Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
  }
}
