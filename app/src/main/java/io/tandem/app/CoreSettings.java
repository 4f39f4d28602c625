package io.tandem.app;

import io.tandem.config.RemindersConfig;
import io.tandem.config.SurveysConfig;
import io.tandem.config.TandemConfig;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.reminders.ReminderTimes;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveyTemplate;

/** The core's settings, read from the configuration's records. */
final class CoreSettings {

  private CoreSettings() {}

  /** The shipped survey templates and those in {@code surveys.templates}, with the threshold. */
  static SurveySettings surveySettings(TandemConfig config) {
    SurveysConfig surveys = config.surveys();
    return SurveySettings.of(
        surveys.anonymityThreshold(),
        surveys.templates().stream().map(CoreSettings::surveyTemplate).toList());
  }

  private static SurveyTemplate surveyTemplate(SurveysConfig.Template t) {
    return new SurveyTemplate(
        t.id(),
        t.title(),
        t.anonymous(),
        SurveyTemplate.Audience.valueOf(t.audience().name()),
        t.openFor(),
        t.remindAfter(),
        t.questions().stream()
            .map(
                q ->
                    new SurveyTemplate.Question(
                        SurveyTemplate.Type.valueOf(q.type().name()), q.text(), q.choices()))
            .toList());
  }

  /** {@code reminders} in {@code tandem.yml}. */
  static ReminderSettings reminderSettings(TandemConfig config) {
    RemindersConfig r = config.reminders();
    return new ReminderSettings(
        new ReminderTimes.QuietHours(r.quietStart(), r.quietEnd()), r.interval(), r.catchUp());
  }
}
