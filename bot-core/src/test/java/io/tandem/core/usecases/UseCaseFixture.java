package io.tandem.core.usecases;

import io.tandem.core.CoreFeatures;
import io.tandem.core.command.Command;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.OpenJoinForm;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.SubmitProfilePage;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.privacy.PrivacyFeature;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.reminders.RemindersFeature;
import io.tandem.core.reports.Reports;
import io.tandem.core.reports.ReportsFeature;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveysFeature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Setup steps that tests of the use cases share: the command dispatcher wired as the app wires it,
 * people enrolled through the join forms, and plain reads of the database.
 */
public final class UseCaseFixture {

  private UseCaseFixture() {}

  /** Every chat use case behind one dispatcher, surveys with default settings. */
  public static CommandDispatcher dispatcher(Database db, Clock clock) {
    return dispatcher(db, clock, new SurveysFeature(db, clock, SurveySettings.defaults()));
  }

  /** Every chat use case behind one dispatcher, with the test's own surveys. */
  public static CommandDispatcher dispatcher(Database db, Clock clock, SurveysFeature surveys) {
    return dispatcher(
        db, clock, surveys, RemindersFeature.of(db, clock, ReminderSettings.defaults()));
  }

  /**
   * Every feature behind one dispatcher, as the app lists them, with the test's own surveys and
   * reminders; no web dashboard, default settings otherwise.
   */
  public static CommandDispatcher dispatcher(
      Database db, Clock clock, SurveysFeature surveys, RemindersFeature reminders) {
    return new CommandDispatcher(Routes.of(features(db, clock, surveys, reminders)), Metrics.NONE);
  }

  /** Every feature, as the app lists them; see {@link #dispatcher}. */
  public static List<Feature> features(
      Database db, Clock clock, SurveysFeature surveys, RemindersFeature reminders) {
    return CoreFeatures.of(
        db,
        clock,
        surveys,
        reminders,
        new ReportsFeature(new Reports(db, clock, SurveySettings.defaults()), Optional.empty()),
        PrivacyFeature.of(db, clock, Optional.empty()));
  }

  /**
   * Enrols someone in the default program, in Marketing, in Europe/Berlin; see {@link
   * #enrol(Database, Clock, Actor, Role, String, String, String)}.
   */
  public static void enrol(Database db, Clock clock, Actor actor, Role role) {
    enrol(db, clock, actor, role, null, "Marketing", "Europe/Berlin");
  }

  /**
   * Enrols someone in the default program; see {@link #enrol(Database, Clock, Actor, Role, String,
   * String, String)}.
   */
  public static void enrol(
      Database db, Clock clock, Actor actor, Role role, String department, String zone) {
    enrol(db, clock, actor, role, null, department, zone);
  }

  /**
   * Joins a program and fills in both pages of the profile, as a person does through the forms:
   * band 1 for a mentor, 4 for a mentee; teaches Instagram reels, learns Leadership 2.
   *
   * @param program the program's name, or {@code null} for the workspace's default
   * @return the last reply: where the flow stopped when a step opened no form, else the reply to
   *     the second page
   */
  public static Reply enrol(
      Database db,
      Clock clock,
      Actor actor,
      Role role,
      String program,
      String department,
      String zone) {
    SubmitProfilePage submit = new SubmitProfilePage(db, clock);
    Reply opened = new OpenJoinForm(db).join(actor, new Command.Join(role, program));
    if (opened.form() == null) {
      return opened;
    }
    Reply next =
        submit.submitted(
            actor,
            opened.form().formId(),
            Map.of(
                "department",
                department,
                "band",
                role == Role.MENTOR ? "1" : "4",
                "communication",
                "call",
                "timezone",
                zone));
    if (next.form() == null) {
      return next;
    }
    return submit.submitted(
        actor,
        next.form().formId(),
        Map.of(
            "teach", "Instagram reels",
            "learn", "Leadership 2",
            "availability", "Tue 14-16",
            "capacity", "1"));
  }

  /** The person's first participation, found by their workspace and user id. */
  public static Participant participant(Store store, Actor actor) {
    long workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId()).orElseThrow().getId();
    long member = Members.in(store).find(workspace, actor.userId()).orElseThrow().getId();
    return Participants.in(store).ofMember(member).get(0);
  }

  /** The first column of every row {@code sql} returns, as text; plain JDBC, no transaction. */
  public static List<String> rows(Database db, String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
