package io.tandem.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Guidance files: Markdown sections, read whole or refused")
class GuideFileTest {

  private static GuideFile.Parsed parse(String file) {
    return GuideFile.parse(file, GuideDefaults::isTemplate);
  }

  private static String problem(String file) {
    return ((GuideFile.Parsed.Rejected) parse(file)).problem();
  }

  @Test
  @DisplayName("each section is a template; titles before the first are allowed")
  void reads() {
    GuideFile.Parsed parsed =
        parse(
            "# Our guidance\r\n\r\n## Mentor-Guide\r\nShow, don't lecture.\r\nAsk {mentee}.\r\n\r\n"
                + "## agenda-excel-macros\nRecord one macro together.\n");

    assertThat(parsed).isInstanceOf(GuideFile.Parsed.Read.class);
    assertThat(((GuideFile.Parsed.Read) parsed).templates())
        .containsExactly(
            java.util.Map.entry("mentor-guide", "Show, don't lecture.\nAsk {mentee}."),
            java.util.Map.entry("agenda-excel-macros", "Record one macro together."));
  }

  @Test
  @DisplayName("the example the messages show is a valid file")
  void example() {
    assertThat(parse(GuideFile.EXAMPLE)).isInstanceOf(GuideFile.Parsed.Read.class);
  }

  @Test
  @DisplayName("an unknown section, an empty one, a long one or a bad placeholder is refused")
  void problems() {
    assertThat(problem("## boss-guide\nHello")).contains("Line 1").contains("`boss-guide`");
    assertThat(problem("## mentor-guide\nHi\n## mentee-guide\n\n"))
        .contains("`mentee-guide`")
        .contains("empty");
    assertThat(problem("## first-session\n" + "x".repeat(GuideText.MAX_LENGTH + 1)))
        .contains("`first-session`")
        .contains("the most is");
    assertThat(problem("## mentor-guide\nHi {partner}")).contains("{partner}");
    assertThat(problem("## mentor-guide\nHi\n## mentor-guide\nAgain")).contains("twice");
    assertThat(problem("Hello there\n## mentor-guide\nHi")).contains("before the first section");
    assertThat(problem("")).contains("no section");
    assertThat(problem("## agenda-`*x*`\nHi")).doesNotContain("`*");
  }
}
