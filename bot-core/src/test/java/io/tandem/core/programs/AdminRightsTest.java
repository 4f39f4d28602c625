package io.tandem.core.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may administer which program, on a real SQLite file. */
@DisplayName("Program admins' rights")
class AdminRightsTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Actor MAYA = new Actor(Platform.SLACK, "T1", "U0MAYA", "Maya", "UTC", true);
  static final Actor LEE = new Actor(Platform.SLACK, "T1", "U0LEE", "Lee", "UTC", false);

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  ManageProgramAdmins admins;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(CLOCK);
    admins = new ManageProgramAdmins(db, CLOCK);
    CreateProgram create = new CreateProgram(db, CLOCK);
    for (String name : List.of("Alpha", "Beta", "Gamma")) {
      create.create(MAYA, new Command.CreateProgram(name, 14, 26, null, 1, 365, List.of(), ""));
    }
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  private Optional<Reply> refuse(Actor actor, String program) {
    return db.transaction(store -> AdminRights.refuse(store, actor, program, "match preview"));
  }

  @Test
  @DisplayName("a program admin of one program defaults to it and is refused the others by name")
  void oneProgram() {
    // WHEN Maya makes Lee an admin of Beta
    Reply granted = admins.add(MAYA, new ProgramAdminCommand.Add("U0LEE", "beta"));

    // THEN Lee may administer Beta, named or not, and no other program
    assertThat(granted.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(refuse(LEE, "Beta")).isEmpty();
    assertThat(refuse(LEE, null)).isEmpty();
    assertThat(refuse(LEE, "Alpha"))
        .get()
        .extracting(Reply::text)
        .asString()
        .contains("only, not of *Alpha*")
        .contains("program admins add @you Alpha");
    assertThat(UseCaseFixture.rows(db, "SELECT granted_by FROM program_admin"))
        .containsExactly("U0MAYA");
    assertThat(
            UseCaseFixture.rows(
                db, "SELECT details FROM signal WHERE type = 'PROGRAM_ADMIN_ADDED'"))
        .singleElement()
        .asString()
        .contains("@U0LEE")
        .contains("@U0MAYA");
  }

  @Test
  @DisplayName("an admin of several programs who names none is asked which")
  void severalPrograms() {
    admins.add(MAYA, new ProgramAdminCommand.Add("U0LEE", "Alpha"));
    admins.add(MAYA, new ProgramAdminCommand.Add("U0LEE", "Gamma"));

    assertThat(refuse(LEE, null))
        .get()
        .extracting(Reply::text)
        .asString()
        .contains("*Alpha*, *Gamma*")
        .contains("say which program");
    assertThat(refuse(LEE, "gamma")).isEmpty();
    assertThat(refuse(LEE, "Beta")).isPresent();
  }

  @Test
  @DisplayName("only workspace admins grant and remove; a removed right is gone")
  void grantAndRemove() {
    admins.add(MAYA, new ProgramAdminCommand.Add("U0LEE", "Alpha"));

    Reply byLee = admins.add(LEE, new ProgramAdminCommand.Add("U0BEN", "Alpha"));
    Reply removed = admins.remove(MAYA, new ProgramAdminCommand.Remove("U0LEE", "Alpha"));

    assertThat(byLee.text()).contains("Only workspace admins");
    assertThat(removed.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(UseCaseFixture.rows(db, "SELECT user_id FROM program_admin")).isEmpty();
    assertThat(refuse(LEE, "Alpha")).isPresent();
    boolean stillAdmin = db.transaction(store -> AdminRights.isAnyAdmin(store, LEE));
    assertThat(stillAdmin).isFalse();
  }
}
