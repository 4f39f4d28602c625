package io.tandem.app;

import io.tandem.config.TandemConfig;
import io.tandem.core.CoreFeatures;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.privacy.PrivacyFeature;
import io.tandem.core.reminders.ReminderJob;
import io.tandem.core.reminders.RemindersFeature;
import io.tandem.core.reports.OpenDashboard;
import io.tandem.core.reports.Reports;
import io.tandem.core.reports.ReportsFeature;
import io.tandem.core.store.Database;
import io.tandem.core.surveys.SurveyJob;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveysFeature;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The core's features ({@link CoreFeatures}, the one list the tests register too) with this
 * configuration's settings: what they declare (commands, buttons, forms, jobs) becomes {@link
 * #routes}, which refuses to start with a gap or a clash.
 *
 * @param reports for the web dashboard, which shows the same report
 * @param surveyJob and {@code reminderJob}: for tests that fire them at a chosen time
 */
record Features(Routes routes, Reports reports, SurveyJob surveyJob, ReminderJob reminderJob) {

  static Features of(TandemConfig config, Database db, Clock clock, OpenDashboard dashboard) {
    SurveySettings surveySettings = CoreSettings.surveySettings(config);
    Reports reports = new Reports(db, clock, surveySettings);
    SurveysFeature surveys = new SurveysFeature(db, clock, surveySettings);
    RemindersFeature reminders =
        RemindersFeature.of(db, clock, CoreSettings.reminderSettings(config));
    List<Feature> features =
        CoreFeatures.of(
            db,
            clock,
            surveys,
            reminders,
            new ReportsFeature(reports, Optional.of(dashboard)),
            PrivacyFeature.of(db, clock, config.retention().privateNotes()));
    return new Features(Routes.of(features), reports, surveys.job(), reminders.job());
  }
}
