package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandParser;
import io.tandem.core.port.in.Markup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Naming Tandem's commands on Discord")
class DiscordTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "help | /tandem help",
        "log 45m Instagram reels | /tandem log duration:45m topic:Instagram reels",
        "log 1h with @partner on 2026-05-04 | /tandem log duration:1h with:@partner on:2026-05-04",
        "log on 2026-05-04 | /tandem log on:2026-05-04",
        "log list | /tandem log-list",
        "log edit 2 | /tandem log-edit number:2",
        "join mentee | /tandem join role:mentee",
        "join mentor Data pilot | /tandem join role:mentor program:Data pilot",
        "goal add Post one reel a week by 2026-06-30 | /tandem goal add text:Post one reel a week"
            + " by:2026-06-30",
        "task add 1 Film a 15-second reel | /tandem task add goal:1 text:Film a 15-second reel",
        "pause until 2026-06-01 | /tandem pause length:until 2026-06-01",
        "match preview | /tandem-admin match preview",
        "match preview Data pilot | /tandem-admin match preview program:Data pilot",
        "match swap @ana @ben | /tandem-admin match swap first:@ana second:@ben",
        "program create Data pilot every 2w cap 20 | /tandem-admin program create name:Data pilot"
            + " every:2w cap:20",
        "program open Data pilot | /tandem-admin program open name:Data pilot",
        "survey cancel schedule 2 | /tandem-admin survey cancel-schedule number:2",
        "survey schedule monthly-pulse monthly on day 1 at 10:00 | /tandem-admin survey schedule"
            + " template:monthly-pulse when:monthly on day 1 at 10:00",
        "report Data pilot | /tandem-admin report program:Data pilot",
        "nudge @ana | /tandem-admin nudge person:@ana",
        "guide edit first-session Data pilot | /tandem-admin guide edit template:first-session"
            + " program:Data pilot",
      })
  @DisplayName("a core command is named as Discord's command, subcommand and options")
  void typed(String core, String discord) {
    assertThat(DiscordText.render("`" + Markup.command(core) + "`").text())
        .isEqualTo("`" + discord + "`");
    assertThat(DiscordText.plain(Markup.command(core))).isEqualTo(discord);
  }

  @Test
  @DisplayName("people's text in a command shows as itself, in a code span and out of one")
  void peoplesText() {
    String command = Markup.command("program open " + Markup.text("*Data* `pilot` <@1>"));

    assertThat(DiscordText.render("Open `" + command + "`").text())
        .isEqualTo("Open `/tandem-admin program open name:*Data* ˋpilotˋ <@1>`");
    assertThat(DiscordText.render("Open " + command).text())
        .isEqualTo("Open /tandem-admin program open name:\\*Data\\* \\`pilot\\` \\<@1>");
  }

  @Test
  @DisplayName("help lists participants' commands under /tandem and admins' under /tandem-admin")
  void help() {
    List<String> named =
        Arrays.stream(CommandParser.Verb.values())
            .map(v -> DiscordText.plain(Markup.command(v.example)))
            .toList();

    assertThat(named)
        .contains("/tandem status", "/tandem-admin match preview", "/tandem-admin dashboard")
        .allMatch(n -> n.startsWith("/tandem ") || n.startsWith("/tandem-admin "));
    assertThat(DiscordText.render(CommandParser.Verb.LOG.summary).text())
        .contains("`/tandem log-list`", "`/tandem log-edit number:2`")
        .contains("`/tandem log duration:1h with:@partner on:2026-05-04`");
  }

  /** A string literal, of which those starting with a verb people type are commands. */
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  @Test
  @DisplayName("every command the core names is one /tandem or /tandem-admin registers")
  void everyHintIsRegistered() throws IOException {
    Set<String> verbs =
        Arrays.stream(CommandParser.Verb.values()).map(v -> v.word).collect(Collectors.toSet());
    // help's descriptions of the verbs start with one, but are prose
    Set<String> summaries =
        Arrays.stream(CommandParser.Verb.values()).map(v -> v.summary).collect(Collectors.toSet());
    Set<String> hints = new TreeSet<>();
    Arrays.stream(CommandParser.Verb.values()).forEach(v -> hints.add(v.example));
    try (Stream<Path> files = Files.walk(Path.of("../bot-core/src/main/java/io/tandem/core"))) {
      for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher literal = LITERAL.matcher(Files.readString(source));
        while (literal.find()) {
          String text = literal.group(1);
          String first = text.split(" ", 2)[0];
          // a button's value names the pair it acts on ("continue pair:42"); nobody types it
          boolean buttonValue = text.endsWith(" pair:") || text.endsWith(" participation:");
          if (text.strip().contains(" ")
              && verbs.contains(first)
              && !summaries.contains(text)
              && !buttonValue) {
            hints.add(text.strip());
          }
        }
      }
    }

    assertThat(hints).hasSizeGreaterThan(60);
    assertThat(hints)
        .allSatisfy(hint -> assertThat(TandemCommand.typed(hint)).as(hint).isPresent());
  }

  @Test
  @DisplayName("the user mentions in text Discord sent are read with the ids they name")
  void mentions() {
    assertThat(DiscordText.mentions("Figma with <@811111111111111112> and <@!811111111111111113>"))
        .containsExactly(
            Map.entry("<@811111111111111112>", "811111111111111112"),
            Map.entry("<@!811111111111111113>", "811111111111111113"));
    // roles, channels, Slack's syntax and what only looks like a mention name nobody
    assertThat(DiscordText.mentions("<@&81111> <#81111> <@U0ANA|ana> @ana <@> <@81111")).isEmpty();
    assertThat(DiscordText.mentions(null)).isEmpty();
  }
}
