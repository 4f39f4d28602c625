package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("config records built in code")
class RecordsTest {

  @Test
  @DisplayName("a Slack config in socket mode needs an app token, even when built in code")
  void slackInvariants() {
    assertThatThrownBy(
            () ->
                new SlackConfig(
                    SlackConfig.Mode.SOCKET,
                    ConfigLoaderTest.BOT_TOKEN,
                    null,
                    null,
                    SlackConfig.DEFAULT_API_URL,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(ConfigLoaderTest.BOT_TOKEN);
  }

  @Test
  @DisplayName("a simulator-style Slack config with a local API URL is accepted")
  void slackForSimulator() {
    // when
    SlackConfig slack =
        new SlackConfig(
            SlackConfig.Mode.HTTP,
            "xoxb-test",
            null,
            "secret",
            URI.create("http://127.0.0.1:4000/api/"),
            null);
    // then
    assertThat(slack.configured()).isTrue();
    assertThat(slack.adminUserIds()).isEmpty();
  }

  @Test
  @DisplayName("lists are copied, so a record cannot change after it is built")
  void immutableLists() {
    // given
    List<String> guilds = new java.util.ArrayList<>(List.of("1"));
    DiscordConfig discord =
        new DiscordConfig(
            "token",
            "42",
            guilds,
            DiscordConfig.DEFAULT_REST_URL,
            DiscordConfig.DEFAULT_GATEWAY_URL,
            null);
    // when
    guilds.add("2");
    // then
    assertThat(discord.guildIds()).containsExactly("1");
  }

  @Test
  @DisplayName("admins come from slack.admins and discord.admin-role")
  void admins() {
    // given
    AdminConfig admins = new AdminConfig(List.of("U024BE7LH"), "Tandem Admins");
    // then
    assertThat(admins.isSlackAdmin("U024BE7LH")).isTrue();
    assertThat(admins.isSlackAdmin("U999")).isFalse();
    assertThat(admins.isDiscordAdminRole("555", "tandem admins")).isTrue();
    assertThat(admins.isDiscordAdminRole("555", "Moderators")).isFalse();
    assertThat(new AdminConfig(List.of(), "555").isDiscordAdminRole("555", "Anything")).isTrue();
  }

  @Test
  @DisplayName("an out-of-range port or pool size is rejected in code too")
  void ranges() {
    assertThatThrownBy(() -> new HttpConfig("127.0.0.1", 70000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DatabaseConfig(DatabaseConfig.DEFAULT_URL, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
