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
}
