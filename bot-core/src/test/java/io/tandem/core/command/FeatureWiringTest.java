package io.tandem.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tandem.core.agreement.AgreementFeature;
import io.tandem.core.agreement.AgreementJob;
import io.tandem.core.calendar.CalendarFeature;
import io.tandem.core.calendar.DidYouMeet;
import io.tandem.core.calendar.PickSlot;
import io.tandem.core.privacy.RetentionJob;
import io.tandem.core.programs.ProgramEndJob;
import io.tandem.core.pulse.AskCheckIns;
import io.tandem.core.reminders.ReminderJob;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.reminders.RemindersFeature;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.surveys.SurveyJob;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveysFeature;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real features, as the app lists them, fill the routing table exactly. */
class FeatureWiringTest {

  @TempDir Path dir;

  TestDatabase testDatabase;
  List<Feature> features;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    Clock clock = Clock.systemUTC();
    Database db = testDatabase.open(clock);
    features =
        UseCaseFixture.features(
            db,
            clock,
            new SurveysFeature(db, clock, SurveySettings.defaults()),
            RemindersFeature.of(db, clock, ReminderSettings.defaults()));
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("every feature together handles every command, and declares the scheduled jobs")
  void allFeaturesAreComplete() {
    Routes routes = Routes.of(features);

    assertThat(routes.jobs())
        .extracting(ScheduledJob::key)
        .containsExactly(
            ProgramEndJob.KEY,
            AgreementJob.KEY,
            DidYouMeet.KEY,
            AskCheckIns.KEY,
            SurveyJob.KEY,
            ReminderJob.KEY,
            RetentionJob.KEY);
  }

  @Test
  @DisplayName("leaving out any one feature stops Tandem from starting, naming what it handled")
  void eachFeatureIsNeeded() {
    for (Feature left : features) {
      List<Feature> others = new ArrayList<>(features);
      others.remove(left);
      // features of buttons and a job only handle no command: without them those are gone
      if (left instanceof CalendarFeature) {
        assertGone(others, PickSlot.PICK, DidYouMeet.KEY);
        continue;
      }
      if (left instanceof AgreementFeature) {
        assertGone(others, AgreementFeature.MEET_ACTION, AgreementJob.KEY);
        continue;
      }
      assertThatThrownBy(() -> Routes.of(others))
          .as("without %s", left.getClass().getSimpleName())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Tandem's features are wired incompletely: no handler for");
    }
  }

  @Test
  @DisplayName("no command type escapes the sealed walk through the feature families")
  void everyCommandClassIsKnownToRouting() {
    Set<String> implementations =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem")
                .stream()
                .filter(c -> c.isAssignableTo(Command.class))
                .filter(c -> !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    Set<String> routed =
        CommandTypes.all().stream().map(Class::getName).collect(Collectors.toSet());

    assertThat(implementations).hasSizeGreaterThan(30).isEqualTo(routed);
  }

  private static void assertGone(List<Feature> others, String action, String job) {
    Routes without = Routes.of(others);
    assertThat(without.action(action)).isEmpty();
    assertThat(without.jobs()).extracting(ScheduledJob::key).doesNotContain(job);
  }
}
