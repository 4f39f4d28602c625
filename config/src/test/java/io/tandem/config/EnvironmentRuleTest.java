package io.tandem.config;

import static io.tandem.config.ConfigLoaderTest.APP_TOKEN;
import static io.tandem.config.ConfigLoaderTest.BOT_TOKEN;
import static io.tandem.config.ConfigLoaderTest.DISCORD_TOKEN;
import static io.tandem.config.ConfigLoaderTest.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every setting of {@code tandem.yml} can be set from the environment with one rule: {@code
 * TANDEM_} and the key path in upper case, dots and dashes as underscores.
 */
@DisplayName("Settings from the environment")
class EnvironmentRuleTest {

  /**
   * A valid value for every setting, other than its default and than {@link #BASE}'s. A setting
   * added to the loader's table without a value here fails {@link #everyKeyFromItsVariable}.
   */
  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("database.url", "jdbc:postgresql://db.internal:5432/tandem"),
          Map.entry("database.user", "tandem_env"),
          Map.entry("database.password", "pw-from-the-environment"),
          Map.entry("database.pool-size", "9"),
          Map.entry("slack.mode", "http"),
          Map.entry("slack.bot-token", "xoxb-another-bot-token-AnotherValue123"),
          Map.entry("slack.app-token", "xapp-another-app-token-AnotherValue123"),
          Map.entry("slack.signing-secret", "another-signing-secret-0123456789abcdef"),
          Map.entry("slack.api-url", "http://127.0.0.1:9/api/"),
          Map.entry("slack.admins", "U0ENV0001,W0ENV0002"),
          Map.entry("slack.workspaces", "T0ENV0001,E0ENV0002"),
          Map.entry("slack.max-request-size", "2mb"),
          Map.entry("slack.rate-limits.post-message-per-channel-per-second", "2.5"),
          Map.entry("slack.rate-limits.post-message-burst", "4"),
          Map.entry("slack.rate-limits.workspace-per-minute", "700"),
          Map.entry("slack.rate-limits.conversations-open-per-minute", "60"),
          Map.entry("slack.rate-limits.views-publish-per-minute", "120"),
          Map.entry("discord.bot-token", "MTAyAnotherDiscordToken.AbCdEf.AnotherSignature"),
          Map.entry("discord.application-id", "998877665544332211"),
          Map.entry("discord.guild-ids", "111111111111111111,222222222222222222"),
          Map.entry("discord.rest-url", "http://127.0.0.1:9/discord/"),
          Map.entry("discord.gateway-url", "ws://127.0.0.1:9"),
          Map.entry("discord.admin-role", "Tandem admins"),
          Map.entry("discord.track-departures", "true"),
          Map.entry("discord.rate-limits.global-per-second", "20"),
          Map.entry("http.bind-address", "0.0.0.0"),
          Map.entry("http.port", "9090"),
          Map.entry("http.dashboard-secret", "a-dashboard-secret-of-at-least-32-characters"),
          Map.entry("http.public-url", "https://tandem.example.com/"),
          Map.entry("http.link-lifetime", "30m"),
          Map.entry("outbox.max-attempts", "5"),
          Map.entry("outbox.poll-interval", "2s"),
          Map.entry("outbox.batch-size", "20"),
          Map.entry("outbox.lease", "5m"),
          Map.entry("outbox.workers", "4"),
          Map.entry("scheduler.instance-id", "tandem-0"),
          Map.entry("scheduler.thread-count", "3"),
          Map.entry("surveys.anonymity-threshold", "7"),
          Map.entry(
              "surveys.templates",
              "{team-pulse: {title: Team pulse, questions: [{type: likert, text: Worth it?}]}}"),
          Map.entry("reminders.quiet-hours", "21:00-07:00"),
          Map.entry("reminders.interval", "10m"),
          Map.entry("reminders.catch-up", "2d"),
          Map.entry("logging.format", "json"),
          Map.entry("logging.level", "debug"),
          Map.entry("stop-grace", "25s"),
          Map.entry("retention.private-notes", "180d"));

  /** A file in which the settings that need each other are set, so each sample alone is valid. */
  private static final Map<String, String> BASE =
      Map.of(
          "slack.bot-token", BOT_TOKEN,
          "slack.app-token", APP_TOKEN,
          "slack.signing-secret", SIGNING_SECRET,
          "discord.bot-token", DISCORD_TOKEN,
          "discord.application-id", "123456789012345678");

  @Test
  @DisplayName("the rule: TANDEM_, upper case, dots and dashes as underscores")
  void rule() {
    assertThat(ConfigLoader.environmentVariable("database.password"))
        .isEqualTo("TANDEM_DATABASE_PASSWORD");
    assertThat(ConfigLoader.environmentVariable("http.port")).isEqualTo("TANDEM_HTTP_PORT");
    assertThat(ConfigLoader.environmentVariable("slack.rate-limits.post-message-burst"))
        .isEqualTo("TANDEM_SLACK_RATE_LIMITS_POST_MESSAGE_BURST");
    assertThat(ConfigLoader.environmentVariable("stop-grace")).isEqualTo("TANDEM_STOP_GRACE");
  }

  @Test
  @DisplayName("the loader's table lists every section's settings, and no two share a variable")
  void keysAreDistinct() {
    List<String> keys = ConfigLoader.keys();
    assertThat(keys)
        .contains("database.password", "http.port", "slack.rate-limits.post-message-burst")
        .contains("surveys.templates", "logging.format", "stop-grace")
        .doesNotContain("slack.rate-limits", "database");
    Set<String> variables = new HashSet<>();
    for (String key : keys) {
      assertThat(variables.add(ConfigLoader.environmentVariable(key)))
          .as("variable of %s is unique", key)
          .isTrue();
    }
  }

  @Test
  @DisplayName("every key of the loader's table is read from its variable, as the file reads it")
  void everyKeyFromItsVariable() throws Exception {
    for (String key : ConfigLoader.keys()) {
      // given a sample value for the key
      assertThat(SAMPLES).as("a sample value for %s (added to the loader?)", key).containsKey(key);
      String variable = ConfigLoader.environmentVariable(key);
      Map<String, String> inFile = new TreeMap<>(BASE);
      inFile.put(key, SAMPLES.get(key));

      // when the value is in the file, or in the variable
      LoadedConfig base = ConfigLoader.fromYamlWithSources(yaml(BASE), Map.of());
      LoadedConfig fromFile = ConfigLoader.fromYamlWithSources(yaml(inFile), Map.of());
      LoadedConfig fromVariable =
          ConfigLoader.fromYamlWithSources(yaml(BASE), Map.of(variable, SAMPLES.get(key)));

      // then the variable sets it, to what the same text in the file gives
      assertThat(fromVariable.sourceOf(key))
          .as(key)
          .isEqualTo(new ValueSource(ValueSource.Kind.ENVIRONMENT, List.of(variable)));
      assertThat(fromVariable.config()).as(key).isNotEqualTo(base.config());
      assertThat(fromVariable.config()).as(key).isEqualTo(fromFile.config());
      assertThat(fromFile.sourceOf(key).kind()).as(key).isEqualTo(ValueSource.Kind.FILE);
    }
  }

  @Test
  @DisplayName("the environment wins over the file, the file over the default")
  void precedence() throws Exception {
    // given a port in the file and in the environment, a bind address in the file only
    String yaml = "http:\n  port: 8081\n  bind-address: 0.0.0.0\n";
    Map<String, String> env = Map.of("TANDEM_HTTP_PORT", "9091");
    // when
    LoadedConfig loaded = ConfigLoader.fromYamlWithSources(yaml, env);
    // then
    assertThat(loaded.config().http().port()).isEqualTo(9091);
    assertThat(loaded.sourceOf("http.port").describe()).isEqualTo("environment TANDEM_HTTP_PORT");
    assertThat(loaded.config().http().bindAddress()).isEqualTo("0.0.0.0");
    assertThat(loaded.sourceOf("http.bind-address").describe()).isEqualTo("file");
    assertThat(loaded.config().http().linkLifetime()).isEqualTo(HttpConfig.DEFAULT_LINK_LIFETIME);
    assertThat(loaded.sourceOf("http.link-lifetime").describe()).isEqualTo("default");
  }

  @Test
  @DisplayName("an empty variable counts as not set")
  void emptyVariable() throws Exception {
    LoadedConfig loaded =
        ConfigLoader.fromYamlWithSources("http:\n  port: 8081\n", Map.of("TANDEM_HTTP_PORT", ""));
    assertThat(loaded.config().http().port()).isEqualTo(8081);
    assertThat(loaded.sourceOf("http.port").describe()).isEqualTo("file");
  }

  @Test
  @DisplayName("the older names keep working; the rule's name wins over them")
  void aliases() throws Exception {
    // given both names for the Slack bot token, and the old name alone for the app token
    String other = "xoxb-the-rule-wins-over-the-alias-0000";
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", BOT_TOKEN,
            "TANDEM_SLACK_BOT_TOKEN", other,
            "SLACK_APP_TOKEN", APP_TOKEN);
    // when
    LoadedConfig loaded = ConfigLoader.fromYamlWithSources("", env);
    // then
    assertThat(loaded.config().slack().botToken()).isEqualTo(other);
    assertThat(loaded.config().slack().appToken()).isEqualTo(APP_TOKEN);
    assertThat(loaded.sourceOf("slack.app-token").describe())
        .isEqualTo("environment SLACK_APP_TOKEN");
  }

  @Test
  @DisplayName("a file value that reads variables says which")
  void fileWithReferences() throws Exception {
    LoadedConfig loaded =
        ConfigLoader.fromYamlWithSources(
            "database:\n  url: jdbc:postgresql://${DB_HOST}/${DB_NAME:-tandem}\n",
            Map.of("DB_HOST", "db"));
    assertThat(loaded.sourceOf("database.url").describe())
        .isEqualTo("file, ${DB_HOST}, ${DB_NAME}");
  }

  @Test
  @DisplayName("lists are separated by commas")
  void lists() throws Exception {
    TandemConfig config =
        ConfigLoader.fromYaml(
            "", Map.of("TANDEM_DISCORD_GUILD_IDS", "111,222, 333", "TANDEM_SLACK_ADMINS", "U0A1"));
    assertThat(config.discord().guildIds()).containsExactly("111", "222", "333");
    assertThat(config.slack().adminUserIds()).containsExactly("U0A1");
  }

  @Test
  @DisplayName("a bad value names its variable, and a secret stays masked")
  void problemsNameTheVariable() {
    // given
    Map<String, String> env =
        Map.of(
            "TANDEM_HTTP_PORT", "eighty",
            "TANDEM_SLACK_ADMINS", "U0A1,someone",
            "TANDEM_SLACK_BOT_TOKEN", "not-a-bot-token-but-long-enough-1234",
            "TANDEM_SLACK_APP_TOKEN", APP_TOKEN,
            "TANDEM_LOGGING_FORMAT", "xml",
            "TANDEM_SURVEYS_TEMPLATES", "{pulse: {questions: []}}");
    // when
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.fromYaml("", env));
    // then
    assertThat(e.problems())
        .contains(
            "http.port: \"eighty\" is not a port number (0-65535) (from TANDEM_HTTP_PORT)",
            "slack.admins[1]: \"someone\" is not a Slack user id (like U024BE7LH)"
                + " (from TANDEM_SLACK_ADMINS)",
            "slack.bot-token: \"not-a…(masked)\" must start with xoxb- (a bot token)"
                + " (from TANDEM_SLACK_BOT_TOKEN)",
            "logging.format: \"xml\" is not one of text, json (from TANDEM_LOGGING_FORMAT)");
    assertThat(e.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("surveys.templates.pulse.questions:")
                    .endsWith("(from TANDEM_SURVEYS_TEMPLATES)"));
    assertThat(e.getMessage()).doesNotContain("bot-token-but-long-enough");
  }

  @Test
  @DisplayName("config check shows where each value came from, secrets masked")
  void printedSources() throws Exception {
    // given
    String yaml = "http:\n  port: 8081\ndatabase:\n  user: tandem\n";
    Map<String, String> env =
        Map.of(
            "TANDEM_DATABASE_PASSWORD", "hunter2-from-env",
            "TANDEM_DATABASE_URL", "jdbc:postgresql://db/tandem");
    // when
    String text = ConfigPrinter.print(ConfigLoader.fromYamlWithSources(yaml, env));
    // then
    assertThat(text)
        .contains("  url: jdbc:postgresql://db/tandem  # environment TANDEM_DATABASE_URL\n")
        .contains("  user: tandem  # file\n")
        .contains("  password: (masked)  # environment TANDEM_DATABASE_PASSWORD\n")
        .contains("  port: 8081  # file\n")
        .contains("  public-url: (not set)  # http://bind-address:port/; default\n")
        .contains("  format: text  # default\n")
        .contains("stop-grace: 20s  # default\n")
        .doesNotContain("hunter2");
  }

  @Test
  @DisplayName("config check points out a TANDEM_ variable that sets nothing")
  void strayVariable() throws Exception {
    // given a misspelt port and the launcher's own variable
    Map<String, String> env = Map.of("TANDEM_HTTP_PROT", "9090", "TANDEM_JAVA_OPTS", "-Xmx256m");
    // when
    String text = ConfigPrinter.print(ConfigLoader.fromYamlWithSources("", env));
    // then
    assertThat(text)
        .endsWith("# TANDEM_HTTP_PROT is set but is no setting; did you mean TANDEM_HTTP_PORT?\n")
        .doesNotContain("TANDEM_JAVA_OPTS");
  }

  /** Nested YAML for flat {@code a.b.c: value} pairs; templates stay as written (flow YAML). */
  private static String yaml(Map<String, String> flat) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(flat).entrySet()) {
      String[] parts = entry.getKey().split("\\.");
      Map<String, Object> node = tree;
      for (int i = 0; i < parts.length - 1; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child =
            (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        node = child;
      }
      String value = entry.getValue();
      node.put(
          parts[parts.length - 1],
          value.startsWith("{") ? value : "'" + value.replace("'", "''") + "'");
    }
    StringBuilder out = new StringBuilder();
    write(tree, "", out);
    return out.toString();
  }

  private static void write(Map<String, Object> node, String indent, StringBuilder out) {
    for (Map.Entry<String, Object> entry : node.entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> child) {
        out.append(indent).append(entry.getKey()).append(":\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) child;
        write(typed, indent + "  ", out);
      } else {
        out.append(indent)
            .append(entry.getKey())
            .append(": ")
            .append(entry.getValue())
            .append('\n');
      }
    }
  }
}
