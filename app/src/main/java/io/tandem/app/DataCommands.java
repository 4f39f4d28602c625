package io.tandem.app;

import io.tandem.config.TandemConfig;
import io.tandem.core.privacy.ForgetPerson;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Backups;
import io.tandem.core.store.Database;
import io.tandem.core.store.Migrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The operator's commands about people's data and the database file: forget, backup, restore. */
final class DataCommands {

  /** Exit code of a refused or failed forget, backup or restore. */
  static final int REFUSED = 1;

  private DataCommands() {}

  /** Says why nothing was done, in one line, and returns {@link #REFUSED}. */
  private static int refused(PrintWriter err, String why) {
    err.println(why);
    err.flush();
    return REFUSED;
  }

  @Command(
      name = "forget",
      description = {
        "Erase everything Tandem holds about one person of a workspace: they leave every program"
            + " (a partner is told kindly) and their profile, notes, goals and named answers are"
            + " erased; reports keep only counts that name nobody. Writes a line to the erasure"
            + " audit log. Works while Tandem runs."
      })
  static final class Forget implements Callable<Integer> {
    @ParentCommand Main main;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "USER", description = "The person's Slack or Discord user id.")
    String userId;

    @CommandLine.Mixin WorkspaceOptions where;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TandemConfig config = main.loadConfig(err);
      if (config == null) {
        return Main.CONFIG_ERROR;
      }
      try (Database database = Tandem.openDatabase(config, Clock.systemUTC(), true)) {
        Optional<ForgetPerson.Erased> erased =
            new ForgetPerson(database, Clock.systemUTC())
                .erase(where.platform, where.workspace, userId, "operator");
        if (erased.isEmpty()) {
          return refused(
              err, "Tandem holds nothing about " + userId + " there; nothing was erased.");
        }
        out.printf(
            Locale.ROOT,
            "Erased %s in %s: %d participations ended, %d rows changed.%n",
            userId,
            erased.get().workspace(),
            erased.get().participationsEnded(),
            erased.get().rowsChanged());
        out.flush();
        return 0;
      } catch (ProgramLookup.NotFound e) {
        return refused(err, e.getMessage());
      }
    }
  }

  @Command(
      name = "backup",
      description = {
        "Copy the SQLite database into FILE (a consistent snapshot with VACUUM INTO), also while"
            + " Tandem runs. On PostgreSQL use pg_dump."
      })
  static final class Backup implements Callable<Integer> {
    @ParentCommand Main main;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The new backup file; must not exist.")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TandemConfig config = main.loadConfig(err);
      if (config == null) {
        return Main.CONFIG_ERROR;
      }
      try {
        Backups.requireSqlite(config.database().url());
      } catch (Backups.BackupException e) {
        return refused(err, e.getMessage());
      }
      try (Database database = Tandem.openDatabase(config, Clock.systemUTC(), false)) {
        Backups.Copied copied = Backups.backup(database, file);
        out.printf(
            Locale.ROOT,
            "Backed up the database to %s (%,d bytes, schema version %d).%n",
            copied.file(),
            copied.bytes(),
            copied.schemaVersion());
        out.flush();
        return 0;
      } catch (Backups.BackupException e) {
        return refused(err, e.getMessage());
      }
    }
  }

  @Command(
      name = "restore",
      description = {
        "Put a backup made by tandem backup in place of the SQLite database. Stop Tandem first:"
            + " restore refuses while the database is open. It checks the backup (integrity_check,"
            + " a schema version this release knows) and keeps the current file as"
            + " DATABASE.before-restore-TIME. The next start migrates the restored file up to date."
      })
  static final class Restore implements Callable<Integer> {
    @ParentCommand Main main;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A backup made by tandem backup.")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TandemConfig config = main.loadConfig(err);
      if (config == null) {
        return Main.CONFIG_ERROR;
      }
      int newest = Migrations.newestInBuild();
      try {
        Backups.Restored restored =
            Backups.restore(config.database().url(), file, newest, Clock.systemUTC());
        out.printf(
            Locale.ROOT,
            "Restored %s (schema version %d) to %s.%s Start Tandem to bring it up to date.%n",
            file,
            restored.schemaVersion(),
            restored.database(),
            restored.previous() == null
                ? ""
                : " The database it replaced is kept as " + restored.previous() + ".");
        out.flush();
        return 0;
      } catch (Backups.BackupException e) {
        return refused(err, e.getMessage());
      }
    }
  }
}
