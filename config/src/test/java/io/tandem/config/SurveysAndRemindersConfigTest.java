package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.config.SurveysConfig.Audience;
import io.tandem.config.SurveysConfig.Question;
import io.tandem.config.SurveysConfig.QuestionType;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Survey templates and reminder settings")
class SurveysAndRemindersConfigTest {

  private static TandemConfig load(String yaml) throws ConfigException {
    return ConfigLoader.fromYaml(yaml, Map.of());
  }

  private static List<String> problems(String yaml) {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems for:\n" + yaml);
  }

  @Nested
  @DisplayName("defaults")
  class Defaults {

    @Test
    @DisplayName("threshold 5, no extra templates, quiet 20:00-08:00 every 5m, catch-up 1d")
    void defaults() throws Exception {
      // when
      TandemConfig config = load("");
      // then
      assertThat(config.surveys()).isEqualTo(new SurveysConfig(5, List.of()));
      assertThat(config.reminders())
          .isEqualTo(
              new RemindersConfig(
                  LocalTime.of(20, 0),
                  LocalTime.of(8, 0),
                  Duration.ofMinutes(5),
                  Duration.ofDays(1)));
    }
  }

  @Nested
  @DisplayName("reading")
  class Reading {

    @Test
    @DisplayName("a template with every key, and one with only questions")
    void templates() throws Exception {
      // given
      String yaml =
          """
          surveys:
            anonymity-threshold: 3
            templates:
              team-pulse:
                title: Team pulse
                anonymous: false
                audience: mentees
                open-for: 2d
                remind-after: 36h
                questions:
                  - type: likert
                    text: My sessions were worth my time.
                  - type: CHOICE
                    text: What would help?
                    choices: [More time, Nothing]
                  - type: text
                    text: Anything else?
              quick:
                questions:
                  - type: nps
                    text: Would you recommend Tandem?
          """;
      // when
      SurveysConfig surveys = load(yaml).surveys();
      // then
      assertThat(surveys.anonymityThreshold()).isEqualTo(3);
      assertThat(surveys.templates())
          .containsExactly(
              new SurveysConfig.Template(
                  "team-pulse",
                  "Team pulse",
                  false,
                  Audience.MENTEES,
                  Duration.ofDays(2),
                  Duration.ofHours(36),
                  List.of(
                      new Question(QuestionType.LIKERT, "My sessions were worth my time.", null),
                      new Question(
                          QuestionType.CHOICE, "What would help?", List.of("More time", "Nothing")),
                      new Question(QuestionType.TEXT, "Anything else?", null))),
              new SurveysConfig.Template(
                  "quick",
                  "quick",
                  true,
                  Audience.ALL,
                  Duration.ofDays(5),
                  Duration.ofDays(3),
                  List.of(new Question(QuestionType.NPS, "Would you recommend Tandem?", null))));
    }

    @Test
    @DisplayName("config check shows the templates and the reminder settings")
    void printed() throws Exception {
      // given
      String yaml =
          """
          surveys:
            templates:
              quick:
                open-for: 2d
                remind-after: 1d
                questions:
                  - {type: choice, text: Which?, choices: [a, b]}
          reminders:
            quiet-hours: 21:30-07:00
            interval: 1m
            catch-up: 12h
          """;
      // when
      String text = load(yaml).describe();
      // then
      assertThat(text)
          .contains(
              """
              surveys:
                anonymity-threshold: 5
                templates:  # besides the shipped ones
                  quick:
                    title: quick
                    anonymous: true
                    audience: all
                    open-for: 2d
                    remind-after: 1d
                    questions:
                      - type: choice
                        text: Which?
                        choices: [a, b]
              reminders:
                quiet-hours: 21:30-07:00
                interval: 1m
                catch-up: 12h
              """);
    }

    @Test
    @DisplayName("reminder settings, quiet hours as HH:MM-HH:MM")
    void reminders() throws Exception {
      RemindersConfig reminders =
          load("reminders:\n  quiet-hours: 22:00 - 6:30\n  interval: 30s\n  catch-up: 2h\n")
              .reminders();
      assertThat(reminders)
          .isEqualTo(
              new RemindersConfig(
                  LocalTime.of(22, 0),
                  LocalTime.of(6, 30),
                  Duration.ofSeconds(30),
                  Duration.ofHours(2)));
    }
  }

  @Nested
  @DisplayName("validation")
  class Validation {

    @Test
    @DisplayName("every bad template value is reported with its key path")
    void badTemplate() {
      String yaml =
          """
          surveys:
            anonymity-threshold: 2
            templates:
              pulse:
                anonymous: maybe
                audience: managers
                questions:
                  - type: likert
                    text: Fine?
                  - type: choice
                    text: Which?
                    choices: [only one]
                  - type: stars
                    text: Rate us
                  - type: nps
                  - type: text
                    text: Why?
                    choices: [a, b]
              Bad_Id:
                questions: []
              short:
                open-for: 1d
                remind-after: 2d
                questions:
                  - {type: nps, text: Recommend?}
              empty:
                questions: []
          """;
      assertThat(problems(yaml))
          .containsExactly(
              "surveys.anonymity-threshold: \"2\" is not a whole number between 3 and 1000 (never"
                  + " below 3, so that nobody can be singled out)",
              "surveys.templates.pulse.anonymous: \"maybe\" is not true or false",
              "surveys.templates.pulse.audience: \"managers\" is not one of all, mentors, mentees",
              "surveys.templates.pulse.questions[1].choices: a choice question needs at least two"
                  + " choices",
              "surveys.templates.pulse.questions[2].type: \"stars\" is not one of likert, nps,"
                  + " choice, text",
              "surveys.templates.pulse.questions[3].text: is required (the question people read)",
              "surveys.templates.pulse.questions[4].choices: only choice questions have choices,"
                  + " not text",
              "surveys.templates.Bad_Id: is not a template id (lower-case letters, digits and -,"
                  + " like team-pulse)",
              "surveys.templates.short.remind-after: \"2d\" is not shorter than open-for (1d)",
              "surveys.templates.empty.questions: has 0 questions; a survey has 1 to 5 (one form"
                  + " holds five)");
    }

    @Test
    @DisplayName("more than five questions, a missing list and unknown keys")
    void shapes() {
      String six = "      - {type: likert, text: Q}\n".repeat(6);
      String yaml =
          "surveys:\n  templates:\n    six:\n      questions:\n"
              + six
              + "    none:\n      title: No questions\n"
              + "    typo:\n      remind-afer: 1d\n      questions:\n"
              + "      - {type: likert, text: Q, choice: [a]}\n";
      assertThat(problems(yaml))
          .containsExactly(
              "surveys.templates.six.questions: has 6 questions; a survey has 1 to 5 (one form"
                  + " holds five)",
              "surveys.templates.none.questions: expected a list of 1 to 5 questions, got nothing",
              "surveys.templates.typo.remind-afer: is not a known setting; known: title,"
                  + " anonymous, audience, open-for, remind-after, questions; did you mean"
                  + " remind-after?",
              "surveys.templates.typo.questions[0].choice: is not a known setting; known: type,"
                  + " text, choices; did you mean choices?");
    }

    @Test
    @DisplayName("bad reminder settings are reported with their key path")
    void badReminders() {
      assertThat(problems("reminders:\n  quiet-hours: evenings\n  interval: 0s\n"))
          .containsExactly(
              "reminders.quiet-hours: \"evenings\" is not a time range like 20:00-08:00"
                  + " (24-hour, local)",
              "reminders.interval: \"0s\" is not a duration between 10s and 1d (like 5m)");
      assertThat(problems("reminders:\n  interval: 1h\n  catch-up: 10m\n"))
          .containsExactly("reminders.catch-up: \"10m\" is shorter than reminders.interval");
      assertThat(problems("reminders:\n  interval: 1d\n  catch-up: 12h\n"))
          .containsExactly("reminders.catch-up: \"12h\" is shorter than reminders.interval");
    }

    @Test
    @DisplayName("the records check their own rules")
    void records() {
      assertThatThrownBy(() -> new SurveysConfig(2, List.of()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Question(QuestionType.CHOICE, "Which?", List.of("a")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  new SurveysConfig.Template(
                      "x",
                      "x",
                      true,
                      Audience.ALL,
                      Duration.ofDays(1),
                      Duration.ofDays(1),
                      List.of(new Question(QuestionType.NPS, "Q", null))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  new RemindersConfig(
                      LocalTime.NOON, LocalTime.NOON, Duration.ofHours(1), Duration.ofMinutes(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
