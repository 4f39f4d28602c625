package io.tandem.config;

import static io.tandem.config.ConfigLoaderTest.APP_TOKEN;
import static io.tandem.config.ConfigLoaderTest.BOT_TOKEN;
import static io.tandem.config.ConfigLoaderTest.DISCORD_TOKEN;
import static io.tandem.config.ConfigLoaderTest.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigPrinter and toString")
class ConfigPrinterTest {

  private static final String PG_URL =
      "jdbc:postgresql://db:5432/tandem?user=tandem&password=s3cretPassw0rd&ssl=true";

  private static TandemConfig everythingSet() throws ConfigException {
    String yaml =
        "database:\n"
            + "  url: \""
            + PG_URL
            + "\"\n"
            + "  user: tandem\n"
            + "  password: s3cretPassw0rd\n"
            + "slack:\n"
            + "  admins: [U024BE7LH]\n"
            + "discord:\n"
            + "  guild-ids: [\"81384788765712384\"]\n"
            + "  admin-role: Tandem admins\n";
    return ConfigLoader.fromYaml(
        yaml,
        Map.of(
            "SLACK_BOT_TOKEN", BOT_TOKEN,
            "SLACK_APP_TOKEN", APP_TOKEN,
            "SLACK_SIGNING_SECRET", SIGNING_SECRET,
            "DISCORD_BOT_TOKEN", DISCORD_TOKEN,
            "DISCORD_APPLICATION_ID", "123456789012345678"));
  }

  @Test
  @DisplayName("describe() shows the resolved settings with every secret masked")
  void describe() throws Exception {
    // given
    TandemConfig config = everythingSet();
    // when
    String text = config.describe();
    // then
    assertThat(text)
        .isEqualTo(
            """
            database:
              url: jdbc:postgresql://db:5432/tandem?user=tandem&password=(masked)&ssl=true
              user: tandem
              password: (masked)
              pool-size: 4
            slack:  # enabled, socket mode
              mode: socket
              bot-token: xoxb-…
              app-token: xapp-…
              signing-secret: (masked)
              api-url: https://slack.com/api/
              admins: [U024BE7LH]
              workspaces: []
              max-request-size: 1mb
              rate-limits:
                post-message-per-channel-per-second: 1
                post-message-burst: 3
                workspace-per-minute: 600
                conversations-open-per-minute: 50
                views-publish-per-minute: 100
            discord:  # enabled
              bot-token: MTAxF…
              application-id: 123456789012345678
              guild-ids: [81384788765712384]
              rest-url: https://discord.com/api/v10/
              gateway-url: wss://gateway.discord.gg
              admin-role: Tandem admins
              track-departures: false
              rate-limits:
                global-per-second: 50
            http:
              bind-address: 127.0.0.1
              port: 8080
              dashboard-secret: (not set)  # a random one per run
              public-url: (not set)  # http://bind-address:port/
              link-lifetime: 15m
            outbox:
              max-attempts: 8
              poll-interval: 1s
              batch-size: 50
              lease: 2m
              workers: 32
            scheduler:
              instance-id: (hostname-pid)
              thread-count: 2
            stop-grace: 20s
            surveys:
              anonymity-threshold: 5
              templates: {}  # the shipped ones only
            reminders:
              quiet-hours: 20:00-08:00
              interval: 5m
              catch-up: 1d
            logging:
              format: text
              level: info
            retention:
              private-notes: (kept)
            """);
  }

  @Test
  @DisplayName("unset secrets show as (not set)")
  void notSet() {
    // when
    String text = ConfigPrinter.print(TandemConfig.defaults());
    // then
    assertThat(text)
        .contains("slack:  # not configured (no bot token)")
        .contains("  bot-token: (not set)")
        .contains("  password: (not set)")
        .contains("guild-ids: []  # global commands");
  }

  @Test
  @DisplayName("toString() of every record masks secrets")
  void toStringMasks() throws Exception {
    // given
    TandemConfig config = everythingSet();
    // when
    String text = config.toString();
    // then
    assertThat(text)
        .doesNotContain(BOT_TOKEN.substring(5))
        .doesNotContain(APP_TOKEN.substring(5))
        .doesNotContain(SIGNING_SECRET)
        .doesNotContain(DISCORD_TOKEN.substring(5))
        .doesNotContain("s3cret")
        .contains("botToken=xoxb-…")
        .contains("signingSecret=(masked)")
        .contains("password=(masked)");
  }

  @Test
  @DisplayName("a short token shows no prefix at all")
  void shortToken() {
    assertThat(Masking.token("xoxb-123")).isEqualTo("…");
    assertThat(Masking.quotedToken("xoxb-123")).isEqualTo("\"…(masked)\"");
  }

  @Test
  @DisplayName("a user:password@ part of a URL is masked")
  void userInfoPassword() {
    assertThat(Masking.url("jdbc:postgresql://me:pw@db/t"))
        .isEqualTo("jdbc:postgresql://me:(masked)@db/t");
  }
}
