package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ConfigLoader")
class ConfigLoaderTest {

  static final String BOT_TOKEN = "xoxb-fake-bot-token-FakeBotTokenValue";
  static final String USER_TOKEN = "xoxp-fake-user-token-FakeUserTokenValue";
  static final String APP_TOKEN = "xapp-fake-app-token-FakeAppTokenValue";
  static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
  static final String DISCORD_TOKEN = "MTAxFakeDiscordToken.GhIjKl.FakeSignaturePartValue";

  @TempDir Path workingDir;

  private Path write(String name, String yaml) throws IOException {
    Path file = workingDir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private static ConfigException failure(String yaml, Map<String, String> env) {
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.fromYaml(yaml, env));
  }

  private static List<String> problems(String yaml) {
    return failure(yaml, Map.of()).problems();
  }

  @Nested
  @DisplayName("finding the file")
  class Locating {

    @Test
    @DisplayName("no file and no environment gives the built-in defaults")
    void defaultsWithoutFile() throws Exception {
      // given an empty working directory and environment
      // when
      TandemConfig config = ConfigLoader.load(null, workingDir, Map.of());
      // then
      assertThat(config).isEqualTo(TandemConfig.defaults());
      assertThat(config.database().url()).isEqualTo("jdbc:sqlite:./tandem.db");
      assertThat(config.database().poolSize()).isEqualTo(4);
      assertThat(config.slack().configured()).isFalse();
      assertThat(config.slack().mode()).isEqualTo(SlackConfig.Mode.SOCKET);
      assertThat(config.slack().apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
      assertThat(config.discord().configured()).isFalse();
      assertThat(config.discord().restUrl()).isEqualTo(URI.create("https://discord.com/api/v10/"));
      assertThat(config.discord().gatewayUrl()).isEqualTo(URI.create("wss://gateway.discord.gg"));
      assertThat(config.discord().guildIds()).isEmpty();
      assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 8080));
      assertThat(ConfigLoader.locate(null, workingDir)).isEmpty();
    }

    @Test
    @DisplayName("an explicit --config path is read, relative to the working directory")
    void explicitPath() throws Exception {
      // given
      Files.createDirectories(workingDir.resolve("etc"));
      write("etc/custom.yml", "http:\n  port: 9090\n");
      write("tandem.yml", "http:\n  port: 7070\n");
      // when
      TandemConfig config = ConfigLoader.load(Path.of("etc/custom.yml"), workingDir, Map.of());
      // then
      assertThat(config.http().port()).isEqualTo(9090);
    }

    @Test
    @DisplayName("tandem.yml in the working directory is read when no path is given")
    void workingDirFile() throws Exception {
      // given
      Path file = write("tandem.yml", "http:\n  port: 7070\n");
      // when
      TandemConfig config = ConfigLoader.load(null, workingDir, Map.of());
      // then
      assertThat(config.http().port()).isEqualTo(7070);
      assertThat(ConfigLoader.locate(null, workingDir)).contains(file);
    }

    @Test
    @DisplayName("a missing --config file is an error, not a silent fallback to defaults")
    void missingExplicitFile() {
      // when / then
      assertThatThrownBy(() -> ConfigLoader.load(Path.of("nope.yml"), workingDir, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("--config: ")
          .hasMessageContaining("nope.yml does not exist");
    }

    @Test
    @DisplayName("an empty file means defaults")
    void emptyFile() throws Exception {
      // given
      write("tandem.yml", "# nothing yet\n");
      // when / then
      assertThat(ConfigLoader.load(null, workingDir, Map.of())).isEqualTo(TandemConfig.defaults());
    }
  }

  @Nested
  @DisplayName("${NAME} values")
  class Interpolation {

    @Test
    @DisplayName("a whole value is taken from the environment")
    void wholeValue() throws Exception {
      // given
      String yaml = "slack:\n  bot-token: ${MY_BOT}\n  app-token: ${MY_APP}\n";
      // when
      TandemConfig config =
          ConfigLoader.fromYaml(yaml, Map.of("MY_BOT", BOT_TOKEN, "MY_APP", APP_TOKEN));
      // then
      assertThat(config.slack().botToken()).isEqualTo(BOT_TOKEN);
      assertThat(config.slack().appToken()).isEqualTo(APP_TOKEN);
    }

    @Test
    @DisplayName("references embedded in text are resolved, defaults used when unset or empty")
    void embeddedWithDefault() throws Exception {
      // given
      String yaml =
          "database:\n"
              + "  url: jdbc:postgresql://${DB_HOST:-localhost}:${DB_PORT:-5432}/${DB_NAME}\n"
              + "http:\n"
              + "  port: ${PORT:-8181}\n";
      // when
      TandemConfig config =
          ConfigLoader.fromYaml(
              yaml, Map.of("DB_HOST", "db.internal", "DB_PORT", "", "DB_NAME", "t"));
      // then
      assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.internal:5432/t");
      assertThat(config.database().isPostgres()).isTrue();
      assertThat(config.http().port()).isEqualTo(8181);
    }

    @Test
    @DisplayName("an unset reference without a default leaves an optional setting unset")
    void unsetWithoutDefault() throws Exception {
      // given
      String yaml = "slack:\n  bot-token: ${SLACK_BOT_TOKEN}\ndiscord:\n  admin-role: ${ROLE}\n";
      // when
      TandemConfig config = ConfigLoader.fromYaml(yaml, Map.of());
      // then
      assertThat(config.slack().configured()).isFalse();
      assertThat(config.slack().botToken()).isNull();
      assertThat(config.discord().adminRole()).isNull();
    }

    @Test
    @DisplayName("$${ is a literal ${")
    void escaped() throws Exception {
      // given
      String yaml = "database:\n  password: \"p$${x}\"\n";
      // when / then
      assertThat(ConfigLoader.fromYaml(yaml, Map.of("x", "no")).database().password())
          .isEqualTo("p${x}");
    }

    @Test
    @DisplayName("an unterminated reference is reported")
    void unterminated() {
      assertThat(problems("http:\n  bind-address: \"${HOST\"\n"))
          .containsExactly(
              "http.bind-address: \"${HOST\" has an unterminated ${ (expected ${NAME} or"
                  + " ${NAME:-default})");
    }

    @Test
    @DisplayName("a list can come from one variable, separated by commas")
    void listFromVariable() throws Exception {
      // given
      String yaml = "discord:\n  guild-ids: ${GUILDS}\n";
      // when
      TandemConfig config = ConfigLoader.fromYaml(yaml, Map.of("GUILDS", "111, 222,333"));
      // then
      assertThat(config.discord().guildIds()).containsExactly("111", "222", "333");
    }
  }

  @Nested
  @DisplayName("environment variables alone")
  class EnvironmentOnly {

    @Test
    @DisplayName("configure both platforms and the database with no file")
    void envOnly() throws Exception {
      // given
      Map<String, String> env =
          Map.of(
              "TANDEM_DATABASE_URL", "jdbc:postgresql://db/tandem",
              "SLACK_BOT_TOKEN", BOT_TOKEN,
              "SLACK_APP_TOKEN", APP_TOKEN,
              "SLACK_SIGNING_SECRET", SIGNING_SECRET,
              "DISCORD_BOT_TOKEN", DISCORD_TOKEN,
              "DISCORD_APPLICATION_ID", "123456789012345678");
      // when
      TandemConfig config = ConfigLoader.load(null, workingDir, env);
      // then
      assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db/tandem");
      assertThat(config.slack().configured()).isTrue();
      assertThat(config.slack().botToken()).isEqualTo(BOT_TOKEN);
      assertThat(config.slack().appToken()).isEqualTo(APP_TOKEN);
      assertThat(config.slack().signingSecret()).isEqualTo(SIGNING_SECRET);
      assertThat(config.discord().configured()).isTrue();
      assertThat(config.discord().botToken()).isEqualTo(DISCORD_TOKEN);
      assertThat(config.discord().applicationId()).isEqualTo("123456789012345678");
    }

    @Test
    @DisplayName("the environment variable wins over a value in the file")
    void environmentWins() throws Exception {
      // given
      String yaml = "database:\n  url: jdbc:sqlite:/var/lib/tandem.db\n";
      // when
      TandemConfig config =
          ConfigLoader.fromYaml(yaml, Map.of("TANDEM_DATABASE_URL", "jdbc:postgresql://db/t"));
      // then
      assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db/t");
    }

    @Test
    @DisplayName("a file value that resolves to empty falls back to the environment variable")
    void emptyFileValueFallsBack() throws Exception {
      // given
      String yaml = "slack:\n  bot-token: ${NOT_SET}\n";
      Map<String, String> env = Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_APP_TOKEN", APP_TOKEN);
      // when / then
      assertThat(ConfigLoader.fromYaml(yaml, env).slack().botToken()).isEqualTo(BOT_TOKEN);
    }

    @Test
    @DisplayName("a bad value from the environment names the variable")
    void badEnvValueNamesVariable() {
      // given
      Map<String, String> env = Map.of("TANDEM_DATABASE_URL", "mysql://x");
      // when
      ConfigException e = failure("", env);
      // then
      assertThat(e.problems())
          .containsExactly(
              "database.url: \"mysql://x\" must start with jdbc:sqlite: or jdbc:postgresql:"
                  + " (from TANDEM_DATABASE_URL)");
    }
  }

  @Nested
  @DisplayName("validation")
  class Validation {

    @Test
    @DisplayName("an unknown Slack mode")
    void slackMode() {
      assertThat(problems("slack:\n  mode: sockets\n"))
          .containsExactly("slack.mode: \"sockets\" is not one of socket, http");
    }

    @Test
    @DisplayName("a port out of range")
    void port() {
      assertThat(problems("http:\n  port: 99999\n"))
          .containsExactly("http.port: \"99999\" is not a port number (0-65535)");
      assertThat(problems("http:\n  port: eighty\n"))
          .containsExactly("http.port: \"eighty\" is not a port number (0-65535)");
    }

    @Test
    @DisplayName("a lease shorter than a batch's rate-limit wait is refused, naming the fix")
    void leaseOutlastsRateLimitWaits() throws Exception {
      // 50 messages at 20 conversations.open a minute wait up to 150 s; the default lease is 120 s
      String slow = "slack:\n  rate-limits:\n    conversations-open-per-minute: 20\n";

      assertThat(problems(slow))
          .singleElement()
          .asString()
          .startsWith("outbox.lease: 120s is shorter than")
          .contains("take 150s")
          .contains("at least 160s")
          .contains("Example: outbox.lease: 160s");
      assertThat(
              ConfigLoader.fromYaml(slow + "outbox:\n  lease: 160s\n", Map.of()).outbox().lease())
          .isEqualTo(java.time.Duration.ofSeconds(160));
      assertThat(
              ConfigLoader.fromYaml(slow + "outbox:\n  batch-size: 20\n", Map.of())
                  .outbox()
                  .batchSize())
          .isEqualTo(20);
    }

    @Test
    @DisplayName("port 0 means any free port")
    void ephemeralPort() throws Exception {
      assertThat(ConfigLoader.fromYaml("http:\n  port: 0\n", Map.of()).http().port()).isZero();
    }

    @Test
    @DisplayName("a database URL that is neither SQLite nor PostgreSQL")
    void databaseUrl() {
      assertThat(problems("database:\n  url: mysql://x\n"))
          .containsExactly(
              "database.url: \"mysql://x\" must start with jdbc:sqlite: or jdbc:postgresql:");
    }

    @Test
    @DisplayName("a pool size out of range")
    void poolSize() {
      assertThat(problems("database:\n  pool-size: 65\n"))
          .containsExactly("database.pool-size: \"65\" is not a number between 1 and 64");
    }

    @Test
    @DisplayName("socket mode without an app token")
    void socketModeNeedsAppToken() {
      assertThat(failure("", Map.of("SLACK_BOT_TOKEN", BOT_TOKEN)).problems())
          .containsExactly("slack.app-token: is required in socket mode (set SLACK_APP_TOKEN)");
    }

    @Test
    @DisplayName("http mode without a signing secret, and http mode with one")
    void httpModeNeedsSigningSecret() throws Exception {
      // given
      String yaml = "slack:\n  mode: http\n  bot-token: " + BOT_TOKEN + "\n";
      // when / then
      assertThat(problems(yaml))
          .containsExactly(
              "slack.signing-secret: is required in http mode (set SLACK_SIGNING_SECRET)");
      SlackConfig slack =
          ConfigLoader.fromYaml(yaml, Map.of("SLACK_SIGNING_SECRET", SIGNING_SECRET)).slack();
      assertThat(slack.mode()).isEqualTo(SlackConfig.Mode.HTTP);
      assertThat(slack.appToken()).isNull();
    }

    @Test
    @DisplayName("tokens of the wrong kind")
    void wrongTokenKinds() {
      // given
      String yaml = "slack:\n  bot-token: " + USER_TOKEN + "\n  app-token: " + BOT_TOKEN + "\n";
      // when / then
      assertThat(problems(yaml))
          .containsExactly(
              "slack.bot-token: \"xoxp-…(masked)\" must start with xoxb- (a bot token)",
              "slack.app-token: \"xoxb-…(masked)\" must start with xapp- (an app-level token)");
    }

    @Test
    @DisplayName("Discord ids must be digits, and a bot needs its application id")
    void discordIds() {
      // given
      String yaml = "discord:\n  bot-token: " + DISCORD_TOKEN + "\n  guild-ids: [123, my-guild]\n";
      // when / then
      assertThat(problems(yaml))
          .containsExactly(
              "discord.guild-ids[1]: \"my-guild\" is not a Discord id (digits only)",
              "discord.application-id: is required when discord.bot-token is set"
                  + " (set DISCORD_APPLICATION_ID)");
    }

    @Test
    @DisplayName("discord.track-departures is true or false, and off unless set")
    void trackDepartures() throws Exception {
      String bot = "discord:\n  bot-token: " + DISCORD_TOKEN + "\n  application-id: 123\n";
      assertThat(ConfigLoader.fromYaml(bot, Map.of()).discord().trackDepartures()).isFalse();
      assertThat(
              ConfigLoader.fromYaml(bot + "  track-departures: true\n", Map.of())
                  .discord()
                  .trackDepartures())
          .isTrue();
      assertThat(problems(bot + "  track-departures: sometimes\n"))
          .containsExactly("discord.track-departures: \"sometimes\" is not true or false");
    }

    @Test
    @DisplayName("Slack admins must be user ids")
    void slackAdmins() {
      assertThat(problems("slack:\n  admins: [U024BE7LH, bob]\n"))
          .containsExactly("slack.admins[1]: \"bob\" is not a Slack user id (like U024BE7LH)");
    }

    @Test
    @DisplayName("slack.workspaces are team or Enterprise Grid ids; empty means the token's own")
    void slackWorkspaces() throws Exception {
      assertThat(ConfigLoader.fromYaml("", Map.of()).slack().workspaces()).isEmpty();
      assertThat(
              ConfigLoader.fromYaml("slack:\n  workspaces: T0123ABCD, E0456EFGH\n", Map.of())
                  .slack()
                  .workspaces())
          .containsExactly("T0123ABCD", "E0456EFGH");
      assertThat(problems("slack:\n  workspaces: [T0123ABCD, acme]\n"))
          .containsExactly(
              "slack.workspaces[1]: \"acme\" is not a Slack workspace (team) id like T0123ABCD"
                  + " or an Enterprise Grid id like E0123ABCD");
    }

    @Test
    @DisplayName("slack.max-request-size is 16kb to 16mb, 1mb unless set")
    void slackMaxRequestSize() throws Exception {
      assertThat(ConfigLoader.fromYaml("", Map.of()).slack().maxRequestBytes())
          .isEqualTo(1024 * 1024);
      assertThat(
              ConfigLoader.fromYaml("slack:\n  max-request-size: 512kb\n", Map.of())
                  .slack()
                  .maxRequestBytes())
          .isEqualTo(512 * 1024);
      assertThat(
              ConfigLoader.fromYaml("slack:\n  max-request-size: 2MB\n", Map.of())
                  .slack()
                  .maxRequestBytes())
          .isEqualTo(2 * 1024 * 1024);
      assertThat(problems("slack:\n  max-request-size: 1gb\n"))
          .containsExactly(
              "slack.max-request-size: \"1gb\" is not a size between 16kb and 16mb (like 1mb,"
                  + " 512kb)");
      assertThat(problems("slack:\n  max-request-size: 100\n")).hasSize(1);
    }

    @Test
    @DisplayName("API URLs must end with /")
    void apiUrl() {
      assertThat(problems("slack:\n  api-url: https://slack.com/api\n"))
          .containsExactly(
              "slack.api-url: \"https://slack.com/api\" is not an http(s) URL ending with /");
    }

    @Test
    @DisplayName("an unknown top-level key, with a suggestion")
    void unknownKeyWithSuggestion() {
      assertThat(problems("slak:\n  mode: socket\n"))
          .containsExactly(
              "slak: is not a known setting; known: database, slack, discord, http, outbox, scheduler,"
                  + " surveys, reminders, logging, stop-grace, retention;"
                  + " did you mean slack?");
    }

    @Test
    @DisplayName("an unknown nested key far from any known one gets no suggestion")
    void unknownNestedKey() {
      assertThat(problems("http:\n  timeout: 5\n"))
          .containsExactly(
              "http.timeout: is not a known setting; known: bind-address, port, dashboard-secret,"
                  + " public-url, link-lifetime");
    }

    @Test
    @DisplayName("snake_case and camelCase spellings are accepted")
    void keySpellings() throws Exception {
      // given
      String yaml = "database:\n  pool_size: 8\nhttp:\n  bindAddress: 0.0.0.0\n";
      // when
      TandemConfig config = ConfigLoader.fromYaml(yaml, Map.of());
      // then
      assertThat(config.database().poolSize()).isEqualTo(8);
      assertThat(config.http().bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    @DisplayName("every problem is reported at once, one per line")
    void severalProblems() {
      // given
      String yaml =
          "slak: {}\n"
              + "database:\n  url: mysql://x\n"
              + "slack:\n  mode: sockets\n"
              + "http:\n  port: 99999\n";
      // when
      ConfigException e = failure(yaml, Map.of());
      // then
      assertThat(e.problems())
          .containsExactly(
              "slak: is not a known setting; known: database, slack, discord, http, outbox, scheduler,"
                  + " surveys, reminders, logging, stop-grace, retention;"
                  + " did you mean slack?",
              "database.url: \"mysql://x\" must start with jdbc:sqlite: or jdbc:postgresql:",
              "slack.mode: \"sockets\" is not one of socket, http",
              "http.port: \"99999\" is not a port number (0-65535)");
      assertThat(e.getMessage().lines())
          .hasSize(5)
          .first()
          .isEqualTo("Invalid configuration (YAML text), 4 problems:");
      assertThat(e.getMessage()).contains("\n  - http.port: \"99999\"");
    }

    @Test
    @DisplayName("a section that is not a mapping")
    void sectionNotMapping() {
      assertThat(problems("http: 8080\n"))
          .containsExactly(
              "http: expected settings (bind-address, port, dashboard-secret, public-url,"
                  + " link-lifetime), got a single value");
    }
  }

  @Nested
  @DisplayName("YAML syntax")
  class Syntax {

    @Test
    @DisplayName("a syntax error names the line and column")
    void lineAndColumn() throws IOException {
      // given
      write("tandem.yml", "http:\n  port: 8080\n  bind-address: [127.0.0.1\n");
      // when
      ConfigException e =
          catchThrowableOfType(
              ConfigException.class, () -> ConfigLoader.load(null, workingDir, Map.of()));
      // then
      assertThat(e.problems()).singleElement().asString().startsWith("line 4, column 1: ");
      assertThat(e.getMessage()).contains(workingDir.resolve("tandem.yml").toString());
    }

    @Test
    @DisplayName("a duplicate key is an error with its line")
    void duplicateKey() {
      assertThat(problems("http:\n  port: 1\nhttp:\n  port: 2\n"))
          .singleElement()
          .asString()
          .startsWith("line 3, column 1: ")
          .contains("duplicate key http");
    }
  }

  @Nested
  @DisplayName("secrets in problem messages")
  class SecretsInProblems {

    @Test
    @DisplayName("no token, signing secret or password ever appears in a message")
    void masked() {
      // given
      String yaml =
          "database:\n"
              + "  url: \"mysql://db?user=me&password=hunter2hunter2\"\n"
              + "  password: hunter2hunter2\n"
              + "  pool-size: 0\n"
              + "slack:\n"
              + "  bot-token: "
              + USER_TOKEN
              + "\n  signing-secret: \"${BROKEN\"\n"
              + "discord:\n"
              + "  bot-token: \"Bot "
              + DISCORD_TOKEN
              + "\"\n  application-id: \"12x\"\n";
      // when
      ConfigException e = failure(yaml, Map.of("SLACK_APP_TOKEN", "not-an-app-token-but-long"));
      // then
      assertThat(e.getMessage())
          .doesNotContain(USER_TOKEN.substring(5))
          .doesNotContain("hunter2")
          .doesNotContain("BROKEN")
          .doesNotContain(DISCORD_TOKEN.substring(1))
          .doesNotContain("an-app-token");
      assertThat(e.problems())
          .contains(
              "database.url: \"mysql://db?user=me&password=(masked)\" must start with"
                  + " jdbc:sqlite: or jdbc:postgresql:",
              "slack.bot-token: \"xoxp-…(masked)\" must start with xoxb- (a bot token)",
              "slack.app-token: \"not-a…(masked)\" must start with xapp- (an app-level token)"
                  + " (from SLACK_APP_TOKEN)",
              "slack.signing-secret: \"…(masked)\" has an unterminated ${ (expected ${NAME} or"
                  + " ${NAME:-default})",
              "discord.bot-token: \"Bot M…(masked)\" must be the bare token, without the \"Bot \""
                  + " prefix");
    }
  }

  @Nested
  @DisplayName("dashboard links")
  class DashboardLinks {

    @Test
    @DisplayName("the secret comes from TANDEM_DASHBOARD_SECRET and is masked everywhere")
    void secretFromEnvironment() throws Exception {
      // given
      String secret = "dashboard-secret-for-tests-0123456789";
      // when
      TandemConfig config =
          ConfigLoader.fromYaml(
              "http:\n  public-url: https://tandem.example.com/\n  link-lifetime: 1h\n",
              Map.of("TANDEM_DASHBOARD_SECRET", secret));
      // then
      assertThat(config.http().dashboardSecret()).isEqualTo(secret);
      assertThat(config.http().publicUrl()).isEqualTo(URI.create("https://tandem.example.com/"));
      assertThat(config.http().linkLifetime()).hasHours(1);
      assertThat(config.toString()).doesNotContain(secret);
      assertThat(ConfigPrinter.print(config))
          .doesNotContain(secret)
          .contains("dashboard-secret: (masked)");
    }

    @Test
    @DisplayName(
        "a short secret, a bad URL and a bad lifetime are each reported, the secret masked")
    void problemsReported() {
      // when
      List<String> problems =
          failure(
                  "http:\n  public-url: ftp://x\n  link-lifetime: 2d\n",
                  Map.of("TANDEM_DASHBOARD_SECRET", "short-secret"))
              .problems();
      // then
      assertThat(problems)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith("http.dashboard-secret: ")
                      .contains("shorter than 32")
                      .doesNotContain("short-secret"))
          .anySatisfy(p -> assertThat(p).startsWith("http.public-url: "))
          .anySatisfy(p -> assertThat(p).startsWith("http.link-lifetime: "));
    }
  }
}
