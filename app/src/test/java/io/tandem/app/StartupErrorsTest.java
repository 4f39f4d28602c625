package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.core.store.Database;
import io.tandem.simulator.LogCapture;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.slack.Fault;
import io.tandem.simulator.slack.SlackSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The set-up mistakes an operator makes in the first hour, each ending in one paragraph (what
 * happened, the likely cause, the fix), no stack trace, and the exit code the README documents.
 */
@DisplayName("start-up errors")
class StartupErrorsTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** What the libraries logged to the process's stderr while the command ran. */
  private String logged = "";

  private SlackSimulator slack;
  private DiscordSimulator discord;

  @AfterEach
  void stopSimulators() {
    if (slack != null) {
      slack.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  /** Runs {@code tandem --config FILE args…} in-process, capturing stderr and the log. */
  private int tandem(Path config, String... args) {
    try (LogCapture log = LogCapture.start()) {
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      String[] all =
          Stream.concat(Stream.of("--config", config.toString()), Stream.of(args))
              .toArray(String[]::new);
      try {
        return cli.execute(all);
      } finally {
        logged = log.text();
      }
    }
  }

  private Path config(String yaml) throws Exception {
    return Files.writeString(dir.resolve("tandem.yml"), yaml);
  }

  private Path sqliteConfig(Path database, String more) throws Exception {
    return config("database:\n  url: jdbc:sqlite:" + database + "\n" + more);
  }

  /** One paragraph on stderr, no stack trace there or in the log. */
  private void assertOneParagraph() {
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(logged).doesNotContain("\tat ");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Nested
  @DisplayName("configuration")
  class Configuration {

    @Test
    @DisplayName("a wrong setting names the key and the fix, exit 2")
    void badSetting() throws Exception {
      Path file = config("http:\n  port: 99999\n");

      int exit = tandem(file, "run");

      assertThat(exit).isEqualTo(Main.CONFIG_ERROR);
      assertThat(err.toString())
          .contains("the configuration has problems")
          .contains("http.port")
          .contains("tandem config check");
      assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("an in-memory SQLite URL is a configuration mistake, exit 2")
    void inMemorySqlite() throws Exception {
      Path file =
          config(
              "database:\n  url: \"jdbc:sqlite::memory:\"\nslack:\n  bot-token: xoxb-1\n"
                  + "  app-token: xapp-1\n");

      int exit = tandem(file, "migrate");

      assertThat(exit).isEqualTo(Main.CONFIG_ERROR);
      assertThat(err.toString()).contains("in-memory").contains("jdbc:sqlite:tandem.db");
      assertOneParagraph();
    }
  }

  @Nested
  @DisplayName("SQLite")
  class Sqlite {

    @Test
    @DisplayName("a database in a missing folder says which folder and how to make it, exit 3")
    void missingFolder() throws Exception {
      Path database = dir.resolve("data/tandem.db");

      int exit = tandem(sqliteConfig(database, ""), "migrate");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString())
          .contains("the folder " + dir.resolve("data") + " does not exist")
          .contains("mkdir -p " + dir.resolve("data"));
      assertOneParagraph();
    }

    @Test
    @DisplayName("--debug adds the stack trace to the same paragraph")
    void debugShowsTheTrace() throws Exception {
      Path database = dir.resolve("data/tandem.db");

      int exit = tandem(sqliteConfig(database, ""), "migrate", "--debug");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString()).contains("does not exist").contains("\tat ");
    }

    @Test
    @DisplayName("a folder Tandem may not write to says so, exit 3")
    void folderNotWritable() throws Exception {
      Path folder = dir.resolve("locked");
      Files.createDirectory(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
      // root writes anywhere; /proc refuses new files even to root
      if (Files.isWritable(folder)) {
        folder = Path.of("/proc");
        assumeTrue(Files.isDirectory(folder), "needs a folder this user cannot write to");
      }

      int exit = tandem(sqliteConfig(folder.resolve("tandem.db"), ""), "migrate");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString()).contains(folder.resolve("tandem.db").toString()).contains("writ");
      assertOneParagraph();
    }

    @Test
    @DisplayName("a database path under a file says the folder is a file, exit 3")
    void folderIsAFile() throws Exception {
      Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

      int exit = tandem(sqliteConfig(file.resolve("tandem.db"), ""), "migrate");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString()).contains("is a file, not a folder");
      assertOneParagraph();
    }
  }

  @Nested
  @DisplayName("PostgreSQL")
  class Postgres {

    @Test
    @DisplayName("a server that is down: start it or fix the URL, exit 3")
    void serverDown() throws Exception {
      int port = closedPort();
      Path file = config("database:\n  url: jdbc:postgresql://127.0.0.1:" + port + "/tandem\n");

      int exit = tandem(file, "migrate");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString())
          .contains("cannot connect to PostgreSQL at 127.0.0.1:" + port)
          .contains("refused")
          .contains("Start PostgreSQL");
      assertOneParagraph();
    }

    @Test
    @EnabledIfEnvironmentVariable(
        named = "TANDEM_TEST_PG_URL",
        matches = ".+",
        disabledReason = "set TANDEM_TEST_PG_URL to a PostgreSQL JDBC URL to run")
    @DisplayName("a user or password PostgreSQL refuses: fix database.user/password, exit 3")
    void wrongPassword() throws Exception {
      String url = System.getenv("TANDEM_TEST_PG_URL").replaceAll("[?&](user|password)=[^&]*", "");
      Path file =
          config(
              "database:\n  url: "
                  + url
                  + "\n  user: tandem_no_such_user\n  password: not-the-password\n");

      int exit = tandem(file, "migrate");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString())
          .contains("refused the user \"tandem_no_such_user\"")
          .contains("database.user and database.password")
          .doesNotContain("not-the-password");
      assertOneParagraph();
    }
  }

  @Nested
  @DisplayName("commands that only read")
  class ReadOnly {

    @ParameterizedTest(name = "tandem {0}")
    @ValueSource(
        strings = {
          "report --program Pilot",
          "match --program Pilot --dry-run",
          "outbox",
          "outbox --dead"
        })
    @DisplayName("on a missing database: say to run migrate first, create nothing, exit 3")
    void missingDatabase(String command) throws Exception {
      Path database = dir.resolve("tandem.db");

      int exit = tandem(sqliteConfig(database, ""), command.split(" "));

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString())
          .contains("There is no Tandem database at " + database)
          .contains("Run tandem migrate");
      assertOneParagraph();
      assertThat(database).doesNotExist();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("tandem.yml");
      }
    }

    @Test
    @DisplayName("config check reads the configuration only, never the database")
    void configCheck() throws Exception {
      Path database = dir.resolve("tandem.db");

      int exit = tandem(sqliteConfig(database, ""), "config", "check");

      assertThat(exit).isZero();
      assertThat(database).doesNotExist();
    }

    @Test
    @DisplayName("on a database older than this Tandem: say to migrate, and leave it as it was")
    void olderSchema() throws Exception {
      Path database = dir.resolve("tandem.db");
      Path file = sqliteConfig(database, "");
      assertThat(tandem(file, "migrate")).isZero();
      int latest = latestVersion(database);
      execute(database, "DELETE FROM flyway_schema_history WHERE version = '" + latest + "'");

      int exit = tandem(file, "report", "--program", "Pilot");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString())
          .contains("older than this Tandem's schema")
          .contains("version " + latest)
          .contains("Run tandem migrate");
      assertOneParagraph();
      assertThat(latestVersion(database)).isEqualTo(latest - 1);
    }

    @Test
    @DisplayName("on a database newer than this Tandem: say to run the newer one, exit 3")
    void newerSchema() throws Exception {
      Path database = dir.resolve("tandem.db");
      Path file = sqliteConfig(database, "");
      assertThat(tandem(file, "migrate")).isZero();
      execute(
          database,
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
              + " script, checksum, installed_by, installed_on, execution_time, success)"
              + " VALUES (9999, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql',"
              + " 0, 'test', CURRENT_TIMESTAMP, 0, 1)");

      int exit = tandem(file, "match", "--program", "Pilot", "--dry-run");

      assertThat(exit).isEqualTo(Main.DATABASE_ERROR);
      assertThat(err.toString())
          .contains("newer than this Tandem knows")
          .contains("schema version 9999");
      assertOneParagraph();
    }

    private static int latestVersion(Path database) throws Exception {
      try (Database db =
              Database.open(
                  io.tandem.core.store.DatabaseSettings.of("jdbc:sqlite:" + database, null, null, 1)
                      .withMigrateOnOpen(false),
                  Clock.systemUTC());
          Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")) {
        rs.next();
        return rs.getInt(1);
      }
    }

    private static void execute(Path database, String sql) throws Exception {
      try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
          Statement st = c.createStatement()) {
        st.executeUpdate(sql);
      }
    }
  }

  @Nested
  @DisplayName("Slack")
  class Slack {

    private Path slackConfig(String botToken, String appToken, String apiUrl) throws Exception {
      return sqliteConfig(
          dir.resolve("tandem.db"),
          "http:\n  port: 0\n  bind-address: 127.0.0.1\nslack:\n  bot-token: "
              + botToken
              + "\n  app-token: "
              + appToken
              + "\n  api-url: "
              + apiUrl
              + "\n");
    }

    @Test
    @DisplayName("a wrong bot token: Slack's invalid_auth and where to copy the token, exit 4")
    void wrongBotToken() throws Exception {
      slack = SlackSimulator.start("xoxb-right", "xapp-right");

      int exit = tandem(slackConfig("xoxb-wrong", "xapp-right", slack.apiUrl()), "run");

      assertThat(exit).isEqualTo(Main.PLATFORM_ERROR);
      assertThat(err.toString())
          .contains(
              "Slack did not accept the bot token in SLACK_BOT_TOKEN (slack.bot-token): invalid_auth")
          .contains("Bot User OAuth Token (xoxb-…)");
      assertOneParagraph();
    }

    @Test
    @DisplayName("a revoked bot token (account_inactive): reinstall the app, exit 4")
    void revokedBotToken() throws Exception {
      slack = SlackSimulator.start("xoxb-right", "xapp-right");
      slack.failNext(
          "auth.test", 1, new Fault(200, 0, "{\"ok\":false,\"error\":\"account_inactive\"}"));

      int exit = tandem(slackConfig("xoxb-right", "xapp-right", slack.apiUrl()), "run");

      assertThat(exit).isEqualTo(Main.PLATFORM_ERROR);
      assertThat(err.toString())
          .contains("no longer works: account_inactive")
          .contains("Reinstall the app");
      assertOneParagraph();
    }

    @Test
    @DisplayName("a wrong app-level token in Socket Mode: says which token, exit 4")
    void wrongAppToken() throws Exception {
      slack = SlackSimulator.start("xoxb-right", "xapp-right");

      int exit = tandem(slackConfig("xoxb-right", "xapp-wrong", slack.apiUrl()), "run");

      assertThat(exit).isEqualTo(Main.PLATFORM_ERROR);
      assertThat(err.toString())
          .contains("the app-level token in SLACK_APP_TOKEN (slack.app-token): invalid_auth");
      assertOneParagraph();
    }

    @Test
    @DisplayName("no network: blames the network, not the token, exit 4")
    void unreachable() throws Exception {
      String apiUrl = "http://127.0.0.1:" + closedPort() + "/api/";

      int exit = tandem(slackConfig("xoxb-right", "xapp-right", apiUrl), "run");

      assertThat(exit).isEqualTo(Main.PLATFORM_ERROR);
      assertThat(err.toString())
          .contains("Tandem cannot reach Slack at " + apiUrl)
          .contains("no network connection")
          .contains("the tokens were not checked");
      assertOneParagraph();
    }
  }

  @Nested
  @DisplayName("Discord")
  class Discord {

    private Path discordConfig(String token, boolean trackDepartures) throws Exception {
      return sqliteConfig(
          dir.resolve("tandem.db"),
          "http:\n  port: 0\n  bind-address: 127.0.0.1\ndiscord:\n  bot-token: "
              + token
              + "\n  application-id: "
              + discord.applicationId()
              + "\n  guild-ids: ["
              + discord.guildId()
              + "]\n  rest-url: "
              + discord.restUrl()
              + "\n  gateway-url: "
              + discord.gatewayUrl()
              + "\n  track-departures: "
              + trackDepartures
              + "\n");
    }

    @Test
    @DisplayName("a wrong bot token: where to reset it, exit 4")
    void wrongToken() throws Exception {
      discord = DiscordSimulator.start();

      int exit = tandem(discordConfig("not-the-token", false), "run");

      assertThat(exit).isEqualTo(Main.PLATFORM_ERROR);
      assertThat(err.toString())
          .contains("Discord did not accept the bot token in DISCORD_BOT_TOKEN (discord.bot-token)")
          .contains("Reset Token");
      assertOneParagraph();
    }

    @Test
    @DisplayName("no network: blames the network, not the token, exit 4")
    void unreachable() throws Exception {
      discord = DiscordSimulator.start();
      String rest = "http://127.0.0.1:" + closedPort() + "/api/v10/";
      String gateway = "ws://127.0.0.1:" + closedPort();
      Path file =
          sqliteConfig(
              dir.resolve("tandem.db"),
              "http:\n  port: 0\n  bind-address: 127.0.0.1\ndiscord:\n  bot-token: "
                  + discord.botToken()
                  + "\n  application-id: "
                  + discord.applicationId()
                  + "\n  rest-url: "
                  + rest
                  + "\n  gateway-url: "
                  + gateway
                  + "\n");

      int exit = tandem(file, "run");

      assertThat(exit).isEqualTo(Main.PLATFORM_ERROR);
      assertThat(err.toString())
          .contains("Tandem could not connect to Discord")
          .contains("no network connection");
      assertOneParagraph();
    }

    @Test
    @DisplayName("the Server Members intent not enabled (close 4014): what to switch on, exit 4")
    void missingIntent() throws Exception {
      discord = DiscordSimulator.builder().serverMembersIntent(false).start();

      int exit = tandem(discordConfig(discord.botToken(), true), "run");

      assertThat(exit).isEqualTo(Main.PLATFORM_ERROR);
      assertThat(err.toString())
          .contains("4014")
          .contains("Server Members Intent")
          .contains("discord.track-departures: false");
      assertOneParagraph();
    }
  }

  @Nested
  @DisplayName("import on a fresh database")
  class FreshImport {

    private static final String ROSTER =
        "employee_id,email,user_id,hire_date,exit_date,department,band\n"
            + "E1,ana@example.com,U_ANA,2021-03-01,,Marketing,1\n"
            + "E2,ben@example.com,,2015-06-01,,Finance,5\n";

    @Test
    @DisplayName("participants: says to start Tandem and open the program in chat first")
    void participants() throws Exception {
      Path csv =
          Files.writeString(
              dir.resolve("people.csv"),
              "user_id,name,role,department,band,communication,timezone,teach,availability,"
                  + "capacity\nU_ANA,Ana,mentor,Marketing,1,call,Europe/Berlin,SQL,Tue 9-12,1\n");

      int exit =
          tandem(
              sqliteConfig(dir.resolve("tandem.db"), ""),
              "import",
              "participants",
              csv.toString(),
              "--program",
              "Pilot");

      assertThat(exit).isEqualTo(ImportCommand.REJECTED);
      assertThat(err.toString())
          .contains("the database has no workspace yet")
          .contains("tandem run")
          .contains("/tandem program create NAME, then /tandem program open NAME")
          .contains("Nothing was imported");
    }

    @Test
    @DisplayName("roster without a workspace named: says to name it with --platform/--workspace")
    void rosterUnnamed() throws Exception {
      Path csv = Files.writeString(dir.resolve("roster.csv"), ROSTER);

      int exit =
          tandem(sqliteConfig(dir.resolve("tandem.db"), ""), "import", "roster", csv.toString());

      assertThat(exit).isEqualTo(ImportCommand.REJECTED);
      assertThat(err.toString())
          .contains("name yours with --platform slack|discord and --workspace TEAM_OR_GUILD_ID");
    }

    @Test
    @DisplayName("roster with --platform and --workspace: adds the workspace and imports")
    void rosterCreatesWorkspace() throws Exception {
      Path csv = Files.writeString(dir.resolve("roster.csv"), ROSTER);
      Path file = sqliteConfig(dir.resolve("tandem.db"), "");

      int exit =
          tandem(
              file,
              "import",
              "roster",
              csv.toString(),
              "--platform",
              "slack",
              "--workspace",
              "T0123ABCD");

      assertThat(exit).isZero();
      assertThat(out.toString())
          .contains("into slack workspace T0123ABCD (new in this database): 2 employees");
      assertThat(err.toString()).isEmpty();

      // AND a second import finds the workspace without naming it
      out.getBuffer().setLength(0);
      assertThat(tandem(file, "import", "roster", csv.toString())).isZero();
      assertThat(out.toString())
          .contains("into slack workspace T0123ABCD: 2 employees")
          .contains("it replaced 2 rows");
    }

    @Test
    @DisplayName("roster with a workspace id of the wrong form: shows the right form")
    void rosterBadWorkspaceId() throws Exception {
      Path csv = Files.writeString(dir.resolve("roster.csv"), ROSTER);

      int exit =
          tandem(
              sqliteConfig(dir.resolve("tandem.db"), ""),
              "import",
              "roster",
              csv.toString(),
              "--platform",
              "discord",
              "--workspace",
              "acme");

      assertThat(exit).isEqualTo(ImportCommand.REJECTED);
      assertThat(err.toString()).contains("--workspace acme is not a Discord server id");
    }
  }

  @Test
  @DisplayName("a port in use: which port, who probably has it, how to pick another, exit 5")
  void portInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Path file =
          sqliteConfig(
              dir.resolve("tandem.db"),
              "http:\n  port: "
                  + port
                  + "\n  bind-address: 127.0.0.1\nslack:\n  bot-token: xoxb-1\n"
                  + "  app-token: xapp-1\n");

      int exit = tandem(file, "run");

      assertThat(exit).isEqualTo(Main.PORT_IN_USE);
      assertThat(err.toString())
          .contains("Tandem cannot listen on 127.0.0.1:" + port)
          .contains("another program already uses port " + port)
          .contains("http.port");
      assertOneParagraph();
    }
  }
}
