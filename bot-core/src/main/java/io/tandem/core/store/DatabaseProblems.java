package io.tandem.core.store;

import io.tandem.core.kernel.SetupFailure;
import io.tandem.core.kernel.SetupFailure.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Turns the ways a database fails to open into {@link SetupFailure}s an operator can act on: a
 * SQLite file in a folder that is missing or not writable, a PostgreSQL server that is down or
 * refuses the user, a schema older or newer than this build. Each check runs before the pool
 * starts, so no library prints a stack trace first.
 */
final class DatabaseProblems {

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String URL_SETTING = "database.url (or TANDEM_DATABASE_URL)";

  private DatabaseProblems() {}

  /** The file a plain {@code jdbc:sqlite:PATH[?…]} URL names; empty for other forms. */
  static Optional<Path> sqliteFile(String jdbcUrl) {
    if (!jdbcUrl.startsWith(SQLITE_PREFIX)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(SQLITE_PREFIX.length());
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    if (path.isBlank() || path.startsWith(":") || path.startsWith("file:")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(path).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * Fails when a SQLite file cannot be created or written where the URL puts it: its folder is
   * missing or is a file, the path is a folder, or the file (or, before it exists, its folder)
   * cannot be written.
   */
  static void checkSqliteFolder(Path file) {
    Path folder = file.getParent();
    if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
      throw SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot create the SQLite database "
              + file
              + ": "
              + folder
              + " is a file, not a folder",
          URL_SETTING + " has a file name where a folder belongs",
          "Point "
              + URL_SETTING
              + " at a file in a folder, e.g. jdbc:sqlite:"
              + folder.resolveSibling("tandem.db"),
          null);
    }
    if (folder != null && !Files.exists(folder)) {
      throw SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot create the SQLite database "
              + file
              + ": the folder "
              + folder
              + " does not exist",
          "SQLite creates the database file but not the folders on its way",
          "Create the folder (mkdir -p " + folder + ") or point " + URL_SETTING + " elsewhere",
          null);
    }
    if (Files.isDirectory(file)) {
      throw SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot use " + file + " as its SQLite database: it is a folder",
          URL_SETTING + " names a folder instead of a file",
          "Name a file in it, e.g. jdbc:sqlite:" + file.resolve("tandem.db"),
          null);
    }
    boolean writable = Files.exists(file) ? Files.isWritable(file) : Files.isWritable(folder);
    if (!writable) {
      Path blocked = Files.exists(file) ? file : folder;
      throw SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot write the SQLite database " + file + ": " + blocked + " is not writable",
          "the user running Tandem (" + System.getProperty("user.name") + ") may not write there",
          "Give that user write access to " + blocked + " or point " + URL_SETTING + " elsewhere",
          null);
    }
  }

  /** Fails when there is no SQLite file to read; commands that only read never create one. */
  static void requireExistingSqlite(Path file) {
    if (!Files.exists(file)) {
      throw SetupFailure.of(
          Kind.DATABASE,
          "There is no Tandem database at " + file,
          "this command only reads, so it does not create one, and Tandem has not been set up"
              + " with this "
              + URL_SETTING
              + " yet (or runs from another folder)",
          "Run tandem migrate (or tandem run) with the same configuration first, or point "
              + URL_SETTING
              + " at the existing database",
          null);
    }
  }

  /** Opens and closes one connection with the driver itself, failing with the reason. */
  static void probe(String url, String user, String password) {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw explain(url, user, e);
    }
  }

  /** A set-up failure that says why {@code failure} happened on the database at {@code url}. */
  static SetupFailure explain(String url, String user, Throwable failure) {
    String where = redacted(url);
    String state = sqlState(failure);
    Throwable root = root(failure);
    if (url.startsWith(SQLITE_PREFIX)) {
      return SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot create or open the SQLite database " + where + ": " + firstLine(failure),
          "the file or its folder is not writable, the disk is full, or the file is not a SQLite"
              + " database",
          "Check the file and its folder, or point " + URL_SETTING + " at another file",
          failure);
    }
    String server = server(url);
    SetupFailure network = networkProblem(root, server, where, failure);
    if (network != null) {
      return network;
    }
    SetupFailure refused = serverRefusal(state, server, user, failure);
    if (refused != null) {
      return refused;
    }
    return SetupFailure.of(
        Kind.DATABASE,
        "Tandem cannot open the database " + where + ": " + firstLine(failure),
        "the database is unreachable or refuses this user",
        "Check "
            + URL_SETTING
            + ", database.user and database.password, and that the database runs",
        failure);
  }

  /** The server could not be reached: refused, unknown host or no answer; else null. */
  private static SetupFailure networkProblem(
      Throwable root, String server, String where, Throwable failure) {
    if (root instanceof ConnectException) {
      return SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot connect to PostgreSQL at " + server + ": the connection was refused",
          "PostgreSQL is not running there, or " + URL_SETTING + " names the wrong host or port",
          "Start PostgreSQL (or check the host and port), then run the command again",
          failure);
    }
    if (root instanceof UnknownHostException) {
      return SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot find the PostgreSQL host in " + where,
          "the host name in " + URL_SETTING + " is misspelt, or DNS is not reachable from here",
          "Correct the host in " + URL_SETTING,
          failure);
    }
    if (root instanceof SocketTimeoutException) {
      return SetupFailure.of(
          Kind.DATABASE,
          "PostgreSQL at " + server + " did not answer in time",
          "a firewall drops the connection, or the server is overloaded",
          "Check that this machine can reach " + server + ", then run the command again",
          failure);
    }
    return null;
  }

  /** The server answered and said no: to the user, or to the database name; else null. */
  private static SetupFailure serverRefusal(
      String state, String server, String user, Throwable failure) {
    if ("28P01".equals(state) || "28000".equals(state)) {
      return SetupFailure.of(
          Kind.DATABASE,
          "PostgreSQL at "
              + server
              + " refused the user "
              + (user == null ? "given in the URL" : "\"" + user + "\"")
              + ": "
              + firstLine(failure),
          "database.user or database.password is wrong, or pg_hba.conf does not let that user in"
              + " from this machine",
          "Correct database.user and database.password in tandem.yml (or the user and password in"
              + " "
              + URL_SETTING
              + ")",
          failure);
    }
    if ("3D000".equals(state)) {
      return SetupFailure.of(
          Kind.DATABASE,
          "PostgreSQL at " + server + " has no such database: " + firstLine(failure),
          "the database has not been created yet, or " + URL_SETTING + " names another one",
          "Create it (createdb NAME, as a PostgreSQL admin) or correct " + URL_SETTING,
          failure);
    }
    return null;
  }

  /**
   * Fails unless the schema is exactly what this build's migrations make: commands that only read
   * must not migrate, and reading an older or newer schema would fail halfway through.
   */
  static void requireCurrentSchema(DataSource dataSource, String url) {
    Migrations migrations = Migrations.of(dataSource, java.time.Clock.systemUTC());
    String where = redacted(url);
    List<Migrations.Pending> pending;
    try {
      if (!migrations.hasSchema()) {
        throw SetupFailure.of(
            Kind.DATABASE,
            "The database " + where + " has no Tandem tables yet",
            "this command only reads, so it does not create them, and tandem migrate or tandem run"
                + " has not run against this database",
            "Run tandem migrate (or tandem run) with the same configuration first",
            null);
      }
      pending = migrations.pending();
    } catch (Migrations.MigrationException e) {
      if (e.newerThanBuild()) {
        throw SetupFailure.of(
            Kind.DATABASE,
            "The database " + where + " is newer than this Tandem knows: " + e.getMessage(),
            "a newer version of Tandem has already migrated it",
            "Run the newer Tandem, or restore a backup made for this version",
            null);
      }
      throw SetupFailure.of(
          Kind.DATABASE,
          "Tandem cannot read the schema of the database " + where + ": " + e.getMessage(),
          "the database was changed by hand or by another program",
          "Restore a backup, or run tandem migrate to see the full problem",
          e);
    }
    if (!pending.isEmpty()) {
      throw SetupFailure.of(
          Kind.DATABASE,
          "The database "
              + where
              + " is older than this Tandem's schema: it lacks version "
              + pending.get(0).version()
              + (pending.size() > 1 ? " and later" : ""),
          "this command only reads, so it does not migrate, and the database was made by an older"
              + " Tandem",
          "Run tandem migrate (or tandem run) with this version first",
          null);
    }
  }

  private static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static Throwable root(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).strip();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** {@code host:port} of a {@code jdbc:postgresql://host:port/db} URL, or the redacted URL. */
  private static String server(String url) {
    try {
      URI uri = URI.create(url.substring("jdbc:".length()));
      if (uri.getHost() != null) {
        return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
      }
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      // fall through to the whole URL
    }
    return redacted(url);
  }

  static String redacted(String url) {
    String base = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    return base.toLowerCase(Locale.ROOT).startsWith(SQLITE_PREFIX) && base.indexOf('?') > 0
        ? base.substring(0, base.indexOf('?'))
        : base;
  }
}
