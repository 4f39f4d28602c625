package io.tandem.simulator.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Typed slash command lines")
class CommandLineTest {

  @Test
  @DisplayName("values run until the next name: and may contain spaces")
  void valuesWithSpaces() {
    CommandLine line =
        CommandLine.parse("/tandem log duration:45m topic:Instagram reels and memes");

    assertThat(line.name()).isEqualTo("tandem");
    assertThat(line.path()).isEqualTo(List.of("log"));
    assertThat(line.options())
        .containsExactly(
            java.util.Map.entry("duration", "45m"),
            java.util.Map.entry("topic", "Instagram reels and memes"));
  }

  @Test
  @DisplayName("groups, subcommands and no options")
  void bareSubcommands() {
    assertThat(CommandLine.parse("/tandem goal add").path()).containsExactly("goal", "add");
    assertThat(CommandLine.parse("/tandem status").options()).isEmpty();
    assertThat(CommandLine.parse("/ping").path()).isEmpty();
  }

  @Test
  @DisplayName("with the declared options known, a time like 10:00 stays inside its value")
  void timesInsideValues() {
    CommandLine.DeclaredOptions declared =
        (command, path) ->
            path.equals(List.of("survey", "schedule"))
                ? java.util.Set.of("template", "when", "for")
                : null;

    CommandLine line =
        CommandLine.parse(
            "/tandem survey schedule template:monthly-pulse when:monthly on day 1 at 10:00"
                + " for:Data pilot",
            declared);

    assertThat(line.path()).containsExactly("survey", "schedule");
    assertThat(line.options())
        .containsExactly(
            java.util.Map.entry("template", "monthly-pulse"),
            java.util.Map.entry("when", "monthly on day 1 at 10:00"),
            java.util.Map.entry("for", "Data pilot"));
    assertThat(CommandLine.parse("/tandem survey schedule when:at 10:00", declared).options())
        .containsExactly(java.util.Map.entry("when", "at 10:00"));
  }
}
