package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.config.ConfigLoader;
import io.tandem.config.TandemConfig;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.reminders.ReminderTimes.QuietHours;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveyTemplate;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("tandem.yml surveys and reminders reach the core")
class TandemSettingsTest {

  @Test
  @DisplayName("without settings: the shipped templates, threshold 5, default reminders")
  void defaults() {
    assertThat(CoreSettings.surveySettings(TandemConfig.defaults()))
        .isEqualTo(SurveySettings.defaults());
    assertThat(CoreSettings.reminderSettings(TandemConfig.defaults()))
        .isEqualTo(ReminderSettings.defaults());
  }

  @Test
  @DisplayName("templates are added to the shipped ones, or replace one with the same id")
  void templates() throws Exception {
    // GIVEN
    TandemConfig config =
        ConfigLoader.fromYaml(
            """
            surveys:
              anonymity-threshold: 4
              templates:
                monthly-pulse:
                  title: Our pulse
                  audience: mentors
                  questions:
                    - {type: nps, text: Recommend?}
                team:
                  anonymous: false
                  open-for: 2d
                  remind-after: 1d
                  questions:
                    - {type: choice, text: Which?, choices: [a, b]}
                    - {type: text, text: Why?}
            reminders:
              quiet-hours: 21:00-07:30
              interval: 1m
              catch-up: 2h
            """,
            Map.of());
    // WHEN
    SurveySettings surveys = CoreSettings.surveySettings(config);
    ReminderSettings reminders = CoreSettings.reminderSettings(config);
    // THEN
    assertThat(surveys.anonymityThreshold()).isEqualTo(4);
    assertThat(surveys.templates().keySet())
        .containsExactly("monthly-pulse", "mid-program", "end-of-program", "team");
    SurveyTemplate pulse = surveys.template("monthly-pulse").orElseThrow();
    assertThat(pulse.title()).isEqualTo("Our pulse");
    assertThat(pulse.audience()).isEqualTo(SurveyTemplate.Audience.MENTORS);
    assertThat(pulse.answersInline()).isTrue();
    SurveyTemplate team = surveys.template("team").orElseThrow();
    assertThat(team.anonymous()).isFalse();
    assertThat(team.questions())
        .containsExactly(
            new SurveyTemplate.Question(
                SurveyTemplate.Type.CHOICE, "Which?", java.util.List.of("a", "b")),
            SurveyTemplate.Question.text("Why?"));
    assertThat(reminders)
        .isEqualTo(
            new ReminderSettings(
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 30)),
                Duration.ofMinutes(1),
                Duration.ofHours(2)));
  }
}
