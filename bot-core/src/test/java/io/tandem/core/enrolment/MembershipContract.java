package io.tandem.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.CreateProgram;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.reports.ReportText;
import io.tandem.core.reports.Reports;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.surveys.SurveySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Departures and returns the platforms report, as the report's retention proxy reads them; run on
 * SQLite and PostgreSQL.
 */
abstract class MembershipContract {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final Actor ADMIN = new Actor(Platform.SLACK, "T_ACME", "U_MAYA", "Maya", "UTC", true);
  static final ProgramLookup.Target PILOT =
      new ProgramLookup.Target(Platform.SLACK, "T_ACME", "Pilot");

  abstract TestDatabase newTestDatabase();

  TestDatabase testDatabase;
  Database db;
  MutableClock clock = new MutableClock(START);
  Membership membership;
  Reports reports;

  @BeforeEach
  void open() {
    testDatabase = newTestDatabase();
    db = testDatabase.open(clock);
    membership = new Membership(db, clock);
    reports = new Reports(db, clock, SurveySettings.defaults());
    // GIVEN a program and three people Tandem knows in the workspace
    Command.CreateProgram create =
        (Command.CreateProgram)
            ((CommandParser.Parsed.Accepted) new CommandParser().parse("program create Pilot"))
                .command();
    new CreateProgram(db, clock).create(ADMIN, create);
    db.inTransaction(
        em -> {
          Store store = new Store(em);
          long workspace =
              Workspaces.in(store).find(Platform.SLACK, "T_ACME").orElseThrow().getId();
          for (String id : List.of("U_ANA", "U_BEN", "U_CAL")) {
            store.add(new Member(workspace, id, id.substring(2), "UTC", START));
          }
          return null;
        });
    clock.advance(Duration.ofHours(1));
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("a departure counts once, at its first time, and the proxy shows one fewer staying")
  void leavesOnce() {
    assertThat(retention()).contains("others 3 of 3");

    // WHEN Ana leaves, and the platform tells Tandem again an hour later
    Instant first = clock.instant();
    membership.memberLeft(Platform.SLACK, "T_ACME", "U_ANA");
    clock.advance(Duration.ofHours(1));
    membership.memberLeft(Platform.SLACK, "T_ACME", "U_ANA");
    clock.advance(Duration.ofMinutes(1));

    // THEN the first time is kept, one signal is recorded, and the report shows 2 of 3 staying
    assertThat(leftAt("U_ANA")).isEqualTo(first);
    assertThat(signals("MEMBER_LEFT")).isEqualTo(1);
    assertThat(retention()).contains("others 2 of 3");
  }

  @Test
  @DisplayName("people Tandem never met and other workspaces are ignored quietly")
  void unknownIgnored() {
    membership.memberLeft(Platform.SLACK, "T_ACME", "U_STRANGER");
    membership.memberLeft(Platform.SLACK, "T_OTHER", "U_ANA");
    membership.memberLeft(Platform.DISCORD, "T_ACME", "U_ANA");
    clock.advance(Duration.ofMinutes(1));

    assertThat(leftAt("U_ANA")).isNull();
    assertThat(signals("MEMBER_LEFT")).isZero();
    assertThat(count("SELECT COUNT(*) FROM member")).isEqualTo(3);
    assertThat(retention()).contains("others 3 of 3");
  }

  @Test
  @DisplayName(
      "someone who comes back is counted as staying again; a return without a departure"
          + " changes nothing")
  void returns() {
    membership.memberReturned(Platform.SLACK, "T_ACME", "U_BEN");
    membership.memberLeft(Platform.SLACK, "T_ACME", "U_BEN");
    clock.advance(Duration.ofDays(1));
    assertThat(retention()).contains("others 2 of 3");

    membership.memberReturned(Platform.SLACK, "T_ACME", "U_BEN");
    clock.advance(Duration.ofMinutes(1));

    assertThat(leftAt("U_BEN")).isNull();
    assertThat(signals("MEMBER_RETURNED")).isEqualTo(1);
    assertThat(retention()).contains("others 3 of 3");
  }

  private String retention() {
    return ReportText.retention(reports.compute(PILOT, null).retention());
  }

  private Instant leftAt(String userId) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          long workspace =
              Workspaces.in(store).find(Platform.SLACK, "T_ACME").orElseThrow().getId();
          return Members.in(store).find(workspace, userId).orElseThrow().getLeftAt();
        });
  }

  private long signals(String type) {
    return count("SELECT COUNT(*) FROM signal WHERE type = '" + type + "'");
  }

  private long count(String sql) {
    return db.inTransaction(
        em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }
}
