package io.tandem.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tandem's markup: its own formatting, people's text, mentions and links")
class MarkupTest {

  @Test
  @DisplayName("people's text without * or ` is itself; with them it is enclosed as a whole")
  void text() {
    assertThat(Markup.text("Ana <!channel> @here [x](y)")).isEqualTo("Ana <!channel> @here [x](y)");
    assertThat(Markup.parse("Hi *" + Markup.text("*bold* `code`") + "*"))
        .containsExactly(
            new Markup.Own("Hi *"), new Markup.People("*bold* `code`"), new Markup.Own("*"));
    assertThat(Markup.text(null)).isEmpty();
  }

  @Test
  @DisplayName("people's text cannot forge a mention, a link or the end of its own enclosure")
  void forgery() {
    String forged =
        Markup.MENTION_START + "U999" + Markup.MENTION_END + "*" + Markup.TEXT_END + "<!here>";
    String markup = "Hi " + Markup.text(forged) + " and " + Markup.mention("U1");

    assertThat(Markup.parse(markup))
        .containsExactly(
            new Markup.Own("Hi "),
            new Markup.People("U999*<!here>"),
            new Markup.Own(" and "),
            new Markup.Mention("U1"));
  }

  @Test
  @DisplayName("a stray reserved character is dropped, never read as markup")
  void stray() {
    assertThat(Markup.parse("a" + Markup.MENTION_START + "b"))
        .containsExactly(new Markup.Own("ab"));
    assertThat(Markup.parse(Markup.MENTION_START + "not an id!" + Markup.MENTION_END)).isEmpty();
  }

  @Test
  @DisplayName("mentions take only user ids; links only http(s) addresses, else they are text")
  void mentionsAndLinks() {
    assertThatThrownBy(() -> Markup.mention("<!channel>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Markup.parse(Markup.link("https://tandem.example/d?t=1", "*open*")))
        .containsExactly(new Markup.Link("https://tandem.example/d?t=1", "*open*"));
    assertThat(Markup.parse(Markup.link("javascript:alert(1)", "x")))
        .containsExactly(new Markup.Own("javascript:alert(1)"));
  }

  @Test
  @DisplayName("plain text drops the markup: mentions read @id, links their label and address")
  void plain() {
    assertThat(
            Markup.plain(
                Markup.mention("U1")
                    + " "
                    + Markup.text("`x`")
                    + " "
                    + Markup.link("https://a.example", "here")))
        .isEqualTo("@U1 `x` here (https://a.example)");
  }

  @Test
  @DisplayName(
      "a command is one piece, people's text inside it is plain, and plain text reads Slack's")
  void command() {
    String markup =
        "Try `" + Markup.command("match preview " + Markup.text("*Data* pilot")) + "` now";

    assertThat(Markup.parse(markup))
        .containsExactly(
            new Markup.Own("Try `"),
            new Markup.Command("match preview *Data* pilot"),
            new Markup.Own("` now"));
    assertThat(Markup.plain(markup)).isEqualTo("Try `/tandem match preview *Data* pilot` now");
    assertThat(Markup.plain(markup, c -> "<" + c.text() + ">"))
        .isEqualTo("Try `<match preview *Data* pilot>` now");
  }

  @Test
  @DisplayName("people's text cannot forge a command")
  void commandForgery() {
    String forged = Markup.COMMAND_START + "match approve" + Markup.COMMAND_END;

    assertThat(Markup.parse("Hi " + Markup.text(forged)))
        .containsExactly(new Markup.Own("Hi match approve"));
  }

  /** A command named in a literal would read as Slack syntax on every platform. */
  private static final Pattern RAW_COMMAND = Pattern.compile("\"[^\"\\n]*/tandem [^\"\\n]*\"");

  /**
   * {@code Markup} is where a command becomes Slack's; {@code ProgramLookup} writes the
   * command-line tools' messages, read in a terminal.
   */
  private static final List<String> NAME_COMMANDS_THEMSELVES =
      List.of("/port/in/Markup.java", "/ProgramLookup.java");

  @Test
  @DisplayName("the core names no command in a literal: only Markup.command names one")
  void noRawCommandInCore() throws IOException {
    for (Path source : coreSources(NAME_COMMANDS_THEMSELVES)) {
      List<String> code =
          Files.readAllLines(source).stream()
              .filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("/"))
              .toList();
      assertThat(
              code.stream()
                  .flatMap(line -> RAW_COMMAND.matcher(line).results().map(r -> r.group()))
                  .toList())
          .as("string literals naming a /tandem command in %s", source)
          .isEmpty();
    }
  }

  private static List<Path> coreSources(List<String> exempt) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/tandem/core"))) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> exempt.stream().noneMatch(p.toString()::contains))
          .toList();
    }
  }

  /**
   * Raw platform syntax in a string literal of the core: a Slack or Discord mention ({@code <@…},
   * {@code <!…}, {@code <#…}) or a link. Written, it would bypass the renderers' escaping; read, it
   * would tie the grammars to one platform, which is the adapters' job (they send what a command's
   * mentions name beside its text, see {@link InboundRequest#mentions()}).
   */
  private static final Pattern RAW_PLATFORM_SYNTAX =
      Pattern.compile("\"[^\"\\n]*(<@|<!|<#|\\]\\(https?:)[^\"\\n]*\"");

  private static List<String> rawSyntax(String code) {
    return RAW_PLATFORM_SYNTAX.matcher(code).results().map(r -> r.group()).toList();
  }

  @Test
  @DisplayName("the core holds no mention or link syntax of any platform, to read or to write")
  void noRawSyntaxInCore() throws IOException {
    List<Path> sources = coreSources(List.of());
    assertThat(sources).hasSizeGreaterThan(50);
    for (Path source : sources) {
      assertThat(rawSyntax(Files.readString(source)))
          .as("string literals with mention or link syntax in %s", source)
          .isEmpty();
    }
  }

  @Test
  @DisplayName("the rule finds the mention parsing and writing the core once had")
  void ruleCatchesPlatformMentions() {
    // as the core's grammars read mentions and wrote button commands before the adapters did it
    String formerMentions =
        "Pattern.compile(\"<@!?([A-Za-z0-9]+)(?:\\\\|[^>]*)?>|@?([A-Z][A-Z0-9]{5,}|[0-9]{5,})\");";
    String formerNudge = "return \"nudge <@\" + userId + \">\";";
    assertThat(rawSyntax(formerMentions)).hasSize(1);
    assertThat(rawSyntax(formerNudge)).hasSize(1);
    assertThat(rawSyntax("return \"nudge @\" + userId;")).isEmpty();
  }
}
