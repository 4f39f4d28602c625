package io.tandem.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Backups of a SQLite database, for {@code tandem backup} and {@code tandem restore}.
 *
 * <p>{@link #backup} runs SQLite's {@code VACUUM INTO} on a pooled connection: one read transaction
 * copies a consistent snapshot into a new, compact file while Tandem keeps reading and writing (WAL
 * mode lets writers go on during the copy). {@link #restore} is the reverse and must not run under
 * a live Tandem: it refuses while the database's {@code -wal} or {@code -shm} file exists, which
 * SQLite keeps for as long as any connection is open, checks the backup first ({@code
 * integrity_check}, a schema version this build knows), and keeps the current file beside it.
 * PostgreSQL has its own tools ({@code pg_dump}, {@code pg_restore}); both refuse it.
 */
public final class Backups {

  private Backups() {}

  /** A refusal or failure to show the operator as it is, without a stack trace. */
  public static final class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
      super(message);
    }
  }

  /** What {@link #backup} wrote. */
  public record Copied(Path file, long bytes, int schemaVersion) {}

  /** What {@link #restore} did. */
  public record Restored(Path database, Path previous, int schemaVersion) {}

  private static final String POSTGRES =
      "The database is PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc -f tandem.dump"
          + " DBNAME) and restore it with pg_restore; tandem backup and restore are for SQLite.";

  /**
   * Refuses a database URL that is not SQLite, before anything is opened.
   *
   * @throws BackupException for PostgreSQL (or anything else), pointing at its own tools
   */
  public static void requireSqlite(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
      throw new BackupException(POSTGRES);
    }
  }

  /**
   * Copies the open database into {@code file}, which must not exist.
   *
   * @throws BackupException on PostgreSQL, when {@code file} exists, or when the copy fails
   */
  public static Copied backup(Database db, Path file) {
    Objects.requireNonNull(file, "file");
    if (!db.isSqlite()) {
      throw new BackupException(POSTGRES);
    }
    Path target = file.toAbsolutePath();
    if (Files.exists(target)) {
      throw new BackupException(
          target + " exists already; name a new file, e.g. tandem-backup-2026-12-06.db.");
    }
    if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
      throw new BackupException("The folder " + target.getParent() + " does not exist.");
    }
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
      ps.setString(1, target.toString());
      ps.execute();
    } catch (SQLException e) {
      throw new BackupException("The backup failed: " + e.getMessage());
    }
    try {
      return new Copied(target, Files.size(target), check(target).orElse(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks that {@code file} is a healthy Tandem SQLite database and returns its schema version.
   *
   * @return empty when the file has no schema version table (not a Tandem database)
   * @throws BackupException when it is not a database, or is damaged
   */
  public static OptionalInt check(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BackupException(file + " is not a file.");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement st = c.createStatement()) {
      List<String> problems = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
        while (rs.next()) {
          if (!"ok".equalsIgnoreCase(rs.getString(1))) {
            problems.add(rs.getString(1));
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new BackupException(
            file + " is damaged (integrity_check): " + String.join("; ", problems));
      }
      return schemaVersion(c);
    } catch (SQLException e) {
      throw new BackupException(file + " is not a readable SQLite database: " + e.getMessage());
    }
  }

  /** The newest migration applied to the database on {@code c}, by either migration runner. */
  private static OptionalInt schemaVersion(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    String sql;
    if (tables.contains("flyway_schema_history")) {
      sql = "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL";
    } else if (tables.contains("schema_version")) {
      sql = "SELECT version FROM schema_version";
    } else {
      return OptionalInt.empty();
    }
    int newest = 0;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String version = rs.getString(1);
        try {
          newest = Math.max(newest, Integer.parseInt(version.split("\\.")[0]));
        } catch (NumberFormatException ignored) {
          // a version this build does not write
        }
      }
    }
    return OptionalInt.of(newest);
  }

  /**
   * Puts {@code backup} in place of the SQLite database at {@code jdbcUrl}, keeping the current
   * file as {@code <database>.before-restore-<time>}.
   *
   * @param newestKnown the newest schema version this build has migrations for
   * @throws BackupException on PostgreSQL, while the database is open anywhere, or when the backup
   *     is damaged, not a Tandem database, or newer than this build
   */
  public static Restored restore(String jdbcUrl, Path backup, int newestKnown, Clock clock) {
    requireSqlite(jdbcUrl);
    Path database = sqliteFile(jdbcUrl);
    for (String suffix : List.of("-wal", "-shm")) {
      Path companion = Path.of(database + suffix);
      if (Files.exists(companion)) {
        throw new BackupException(
            "Tandem looks to be running on "
                + database
                + " ("
                + companion.getFileName()
                + " exists): stop it first. If no Tandem runs (it was killed), run `tandem"
                + " migrate` once, which opens and closes the database cleanly, then restore.");
      }
    }
    OptionalInt version = check(backup);
    if (version.isEmpty()) {
      throw new BackupException(backup + " is a SQLite file but not a Tandem database.");
    }
    if (version.getAsInt() > newestKnown) {
      throw new BackupException(
          backup
              + " has schema version "
              + version.getAsInt()
              + ", newer than this Tandem knows ("
              + newestKnown
              + "): restore it with the Tandem release that made it.");
    }
    try {
      Path previous = null;
      if (Files.exists(database)) {
        String stamp =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(clock.instant());
        previous = Path.of(database + ".before-restore-" + stamp);
        Files.copy(database, previous, StandardCopyOption.COPY_ATTRIBUTES);
      }
      Path incoming = Path.of(database + ".restoring");
      Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          incoming, database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Restored(database, previous, version.getAsInt());
    } catch (IOException e) {
      throw new BackupException("The restore failed: " + e.getMessage());
    }
  }

  /** The file of a {@code jdbc:sqlite:} URL. */
  static Path sqliteFile(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:sqlite:".length());
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    return Path.of(path).toAbsolutePath();
  }
}
