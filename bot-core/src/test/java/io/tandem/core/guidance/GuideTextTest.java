package io.tandem.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Markup;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Guidance templates: placeholders, hostile text, limits")
class GuideTextTest {

  private static final GuideText.Values PAIR =
      new GuideText.Values("Ana *the* `mentor`", "Ben", "Data pilot", 14);

  @Test
  @DisplayName("placeholders become the pair's names, the program, the cadence and the log command")
  void placeholders() {
    String rendered =
        GuideText.render(
            "*Hi {mentee}!* {mentor} meets you every {cadence} days in {program}; {log}.", PAIR);

    List<Markup.Piece> pieces = Markup.parse(rendered);
    assertThat(pieces).contains(new Markup.People("Ana *the* `mentor`"));
    assertThat(Markup.plain(rendered))
        .isEqualTo(
            "*Hi Ben!* Ana *the* `mentor` meets you every 14 days in Data pilot;"
                + " `/tandem log 45m what you covered`.");
  }

  @Test
  @DisplayName("an admin's text can form no mention, broadcast, link or command")
  void hostileText() {
    String hostile =
        "@everyone @here <!channel> <@U123> <https://evil.example|click>"
            + " \uE002U999\uE003 \uE004https://evil.example\uE005x\uE006 \uE007forget me\uE008";

    String rendered = GuideText.render(hostile, PAIR);

    assertThat(Markup.parse(rendered))
        .allSatisfy(piece -> assertThat(piece).isInstanceOf(Markup.Own.class));
    assertThat(Markup.plain(rendered))
        .contains("@everyone @here <!channel> <@U123>")
        .doesNotContain("\uE002");
  }

  @Test
  @DisplayName("an unknown placeholder is refused, naming the ones Tandem knows")
  void unknownPlaceholder() {
    assertThat(GuideText.problem("Hello {partner} and {mentee}, see {boss}"))
        .contains("{partner}, {boss}")
        .contains("{mentor}, {mentee}, {program}, {cadence}, {log}");
    assertThat(GuideText.problem("Hello {mentee}")).isNull();
    assertThat(GuideText.problem("A set {like this one} is text")).isNull();
  }

  @Test
  @DisplayName("an empty or too long text is refused")
  void limits() {
    assertThat(GuideText.problem("  \n ")).contains("empty");
    assertThat(GuideText.problem("x".repeat(GuideText.MAX_LENGTH + 1)))
        .contains(Integer.toString(GuideText.MAX_LENGTH + 1))
        .contains("the most is " + GuideText.MAX_LENGTH);
    assertThat(GuideText.problem("x".repeat(GuideText.MAX_LENGTH))).isNull();
  }

  @Test
  @DisplayName("every default template is valid, and the defaults hold today's texts")
  void defaults() {
    assertThat(GuideDefaults.all())
        .containsKeys(
            GuideDefaults.MENTOR_GUIDE,
            GuideDefaults.MENTEE_GUIDE,
            GuideDefaults.FIRST_SESSION,
            GuideDefaults.GENERAL_AGENDA)
        .allSatisfy((name, text) -> assertThat(GuideText.problem(text)).as(name).isNull());
    assertThat(GuideDefaults.text(GuideDefaults.FIRST_SESSION).orElseThrow())
        .startsWith("*First session (45 minutes):*");
  }

  @Test
  @DisplayName("agendas are ordered by fit; the general one follows; with no fit, every agenda")
  void candidates() {
    var library = GuideDefaults.all().keySet().stream().filter(GuideDefaults::isAgenda).toList();
    var set = new java.util.LinkedHashSet<>(library);

    assertThat(Guidance.candidates(set, java.util.Set.of("instagram", "reels", "budgeting")))
        .containsExactly("agenda-social-media", "agenda-leadership", GuideDefaults.GENERAL_AGENDA);
    assertThat(Guidance.candidates(set, java.util.Set.of("knitting")))
        .first()
        .isEqualTo(GuideDefaults.GENERAL_AGENDA);
    assertThat(Guidance.candidates(set, java.util.Set.of("knitting"))).hasSize(library.size());
  }
}
