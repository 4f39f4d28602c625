package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The {@code tandem} program as an operator meets it. */
class CommandLineTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tandem(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config(String yaml) throws Exception {
    return Files.writeString(dir.resolve("tandem.yml"), yaml);
  }

  @ParameterizedTest(name = "tandem {0} --help")
  @ValueSource(
      strings = {
        "run",
        "report",
        "import roster",
        "import guides",
        "outbox",
        "match",
        "forget",
        "backup",
        "restore"
      })
  @DisplayName("every command explains itself with --help, without doing anything")
  void subcommandHelp(String command) {
    String[] words = (command + " --help").split(" ");

    int exit = tandem(words);

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Usage: tandem " + command);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("the production program holds no demo: that is the demo module's launcher")
  void noDemo() {
    int exit = tandem("--help");

    assertThat(exit).isZero();
    assertThat(Main.commandLine().getSubcommands()).containsKey("run").doesNotContainKey("demo");
    assertThat(out.toString()).contains("run").doesNotContain("demo");
  }

  @Test
  @DisplayName("config check prints the resolved configuration with secrets masked")
  void configCheckMasksSecrets() throws Exception {
    Path file =
        config(
            """
            database:
              url: jdbc:sqlite:%s
            slack:
              bot-token: xoxb-fake-bot-token-abcdefghijklmnop
              app-token: xapp-fake-app-token-abcdefghijklmnop
            """
                .formatted(dir.resolve("t.db")));

    int exit = tandem("--config", file.toString(), "config", "check");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("socket").contains("t.db");
    assertThat(out.toString()).doesNotContain("abcdefghijklmnop");
    assertThat(out.toString())
        .contains("  bot-token: xoxb-…  # file\n")
        .contains("  port: 8080  # default\n");
  }

  @Test
  @DisplayName("invalid configuration stops with one line per problem naming the key")
  void invalidConfig() throws Exception {
    Path file =
        config(
            """
            slack:
              mode: sockets
            http:
              port: 99999
            """);

    int exit = tandem("--config", file.toString(), "config", "check");

    assertThat(exit).isEqualTo(Main.CONFIG_ERROR);
    assertThat(err.toString())
        .contains("slack.mode: \"sockets\" is not one of socket, http")
        .contains("http.port: \"99999\"");
  }

  @Test
  @DisplayName("run without tokens names the missing variables and points to the demo")
  void runWithoutTokens() throws Exception {
    Path file = config("database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("t.db")));

    int exit = tandem("--config", file.toString(), "run");

    assertThat(exit).isEqualTo(Main.CONFIG_ERROR);
    assertThat(err.toString())
        .contains("SLACK_BOT_TOKEN")
        .contains("SLACK_APP_TOKEN")
        .contains("DISCORD_BOT_TOKEN")
        .contains("./tandem demo");
  }

  @Test
  @DisplayName("migrate creates the schema once and then reports it up to date")
  void migrate() throws Exception {
    Path file = config("database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("t.db")));

    assertThat(tandem("--config", file.toString(), "migrate")).isZero();
    assertThat(out.toString()).contains("Applied V1");
    assertThat(tandem("--config", file.toString(), "migrate")).isZero();
    assertThat(out.toString()).contains("The database is up to date.");
  }
}
