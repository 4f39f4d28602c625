package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("YAML features in tandem.yml")
class YamlDocumentTest {

  private static List<String> problems(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.fromYaml(yaml, Map.of()))
        .problems();
  }

  @Test
  @DisplayName("an anchored list of questions can be reused by several templates")
  void anchoredList() throws Exception {
    // given
    String yaml =
        """
        surveys:
          templates:
            first:
              questions: &shared
                - {type: nps, text: Recommend?}
            second:
              questions: *shared
        """;
    // when
    SurveysConfig surveys = ConfigLoader.fromYaml(yaml, Map.of()).surveys();
    // then
    assertThat(surveys.templates()).hasSize(2);
    assertThat(surveys.templates().get(1).questions())
        .isEqualTo(surveys.templates().get(0).questions());
  }

  @Test
  @DisplayName("an alias of a single value is refused with its line, never read as its name")
  void aliasOfSingleValue() {
    assertThat(problems("http:\n  port: &p 9090\noutbox:\n  workers: *p\n"))
        .singleElement()
        .asString()
        .startsWith("line 4, column 12: found undefined alias p");
  }

  @Test
  @DisplayName("~ and null leave a setting at its default")
  void nullSpellings() throws Exception {
    assertThat(ConfigLoader.fromYaml("http:\n  port: ~\n  bind-address: null\n", Map.of()).http())
        .isEqualTo(HttpConfig.defaults());
  }

  @Test
  @DisplayName("a second document is refused")
  void oneDocument() {
    assertThat(problems("http:\n  port: 1\n---\nhttp:\n  port: 2\n"))
        .containsExactly("line 4, column 1: expected a single document in the stream");
  }

  @Test
  @DisplayName("a survey template built in code follows the rules of one read from the file")
  void sameRulesInCode() {
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () ->
                    new SurveysConfig.Template(
                        "Bad_Id",
                        "t",
                        true,
                        SurveysConfig.Audience.ALL,
                        SurveysConfig.DEFAULT_OPEN_FOR,
                        SurveysConfig.DEFAULT_REMIND_AFTER,
                        List.of(
                            new SurveysConfig.Question(
                                SurveysConfig.QuestionType.NPS, "Q", null)))))
        .hasMessageContaining("is not a template id");
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () -> new SurveysConfig.Question(SurveysConfig.QuestionType.TEXT, " ", null)))
        .hasMessageContaining("is required (the question people read)");
  }
}
