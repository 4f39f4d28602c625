package io.tandem.core;

import io.tandem.core.agreement.AgreementFeature;
import io.tandem.core.calendar.CalendarFeature;
import io.tandem.core.checkins.CheckInsFeature;
import io.tandem.core.command.Feature;
import io.tandem.core.enrolment.EnrolmentFeature;
import io.tandem.core.guidance.GuidanceFeature;
import io.tandem.core.home.HomeFeature;
import io.tandem.core.home.ShowStatus;
import io.tandem.core.learning.LearningFeature;
import io.tandem.core.matching.MatchingFeature;
import io.tandem.core.privacy.PrivacyFeature;
import io.tandem.core.programs.ProgramsFeature;
import io.tandem.core.pulse.PulseFeature;
import io.tandem.core.reminders.RemindersFeature;
import io.tandem.core.reports.ReportsFeature;
import io.tandem.core.store.Database;
import io.tandem.core.surveys.SurveysFeature;
import java.time.Clock;
import java.util.List;

/**
 * Every feature of the core, listed once: the app's composition root registers this list, and the
 * tests register the same one. To add a feature, write its {@code …Feature} in its package and add
 * it here.
 */
public final class CoreFeatures {

  private CoreFeatures() {}

  /**
   * The features in registration order. Those that take settings (or that tests build with their
   * own) are passed in; the others need only the database and the clock.
   */
  public static List<Feature> of(
      Database db,
      Clock clock,
      SurveysFeature surveys,
      RemindersFeature reminders,
      ReportsFeature reports,
      PrivacyFeature privacy) {
    return List.of(
        new EnrolmentFeature(db, clock),
        new ProgramsFeature(db, clock, List.of(surveys.closingSurvey(), reports.finalReport(db))),
        new MatchingFeature(db, clock),
        new AgreementFeature(db, clock),
        new CheckInsFeature(db, clock),
        new CalendarFeature(db, clock),
        new LearningFeature(db, clock),
        new PulseFeature(db, clock),
        new GuidanceFeature(db, clock),
        new HomeFeature(new ShowStatus(db, clock)),
        surveys,
        reminders,
        reports,
        privacy);
  }
}
