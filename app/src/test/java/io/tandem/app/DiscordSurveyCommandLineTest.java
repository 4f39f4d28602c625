package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.discord.DiscordCommands;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("survey commands typed in Discord's slash-command UI")
class DiscordSurveyCommandLineTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "survey send monthly-pulse | /tandem-admin survey send template:monthly-pulse",
        "survey send monthly-pulse Data pilot"
            + " | /tandem-admin survey send template:monthly-pulse program:Data pilot",
        "survey results 3 | /tandem-admin survey results number:3",
        "survey list | /tandem-admin survey list",
        "survey cancel 2 | /tandem-admin survey cancel number:2",
        "survey cancel schedule 2 | /tandem-admin survey cancel-schedule number:2",
        "survey schedule monthly-pulse monthly on day 1 at 10:00"
            + " | /tandem-admin survey schedule template:monthly-pulse when:monthly on day 1 at 10:00",
        "survey schedule end-of-program 0 0 10 1 * ? for Data pilot"
            + " | /tandem-admin survey schedule template:end-of-program when:0 0 10 1 * ? for:Data pilot"
      })
  void typed(String core, String discord) {
    assertThat(DiscordCommands.typed(core)).isEqualTo(Optional.of(discord));
  }
}
