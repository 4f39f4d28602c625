package io.tandem.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database schema up to date from versioned SQL scripts on the classpath.
 *
 * <p>Scripts live under {@value #DEFAULT_LOCATION} and are named {@code
 * V<version>__<description>.sql} (for example {@code V1__init.sql}). They are applied in version
 * order, each in its own transaction together with its row in {@code schema_version} (version,
 * description, checksum, applied_at). Running again applies nothing. If an applied script was
 * changed afterwards, or the database carries a version this build does not know, {@link #migrate}
 * fails with {@link MigrationException} before touching anything.
 *
 * <p>The same scripts run on SQLite and PostgreSQL, so they use portable SQL only. Statements are
 * separated by a semicolon at the end of a line; {@code --} starts a comment line. On PostgreSQL
 * concurrent migrators (several instances starting at once) take turns on an advisory lock; on
 * SQLite each script's transaction takes the write lock.
 */
public final class Migrations {

  /** Where the production scripts live on the classpath. */
  public static final String DEFAULT_LOCATION = "db/migration";

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w[\\w-]*)\\.sql");
  private static final long ADVISORY_LOCK_KEY = 0x7A4D_1E00L; // "Tandem migrations"

  /** A script found on the classpath. */
  public record Migration(int version, String description, String checksum, String script) {
    public Migration {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(checksum, "checksum");
      Objects.requireNonNull(script, "script");
    }
  }

  /** A script this run applied. */
  public record Applied(int version, String description, String checksum, Instant appliedAt) {}

  /** The schema cannot be brought up to date safely; nothing further was applied. */
  public static final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MigrationException(String message) {
      super(message);
    }

    MigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final String location;
  private final ClassLoader classLoader;
  private final Clock clock;

  public Migrations(String location, ClassLoader classLoader, Clock clock) {
    this.location = stripSlashes(Objects.requireNonNull(location, "location"));
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Applies the production scripts; returns what was applied (empty when already up to date). */
  public static List<Applied> migrate(DataSource dataSource) {
    return migrate(dataSource, Clock.systemUTC());
  }

  public static List<Applied> migrate(DataSource dataSource, Clock clock) {
    return new Migrations(DEFAULT_LOCATION, Migrations.class.getClassLoader(), clock)
        .apply(dataSource);
  }

  /** The scripts on the classpath, in version order. */
  public List<Migration> available() {
    Map<Integer, Migration> byVersion = new TreeMap<>();
    for (String name : scriptNames()) {
      Matcher m = FILE_NAME.matcher(name);
      if (!m.matches()) {
        continue;
      }
      int version = Integer.parseInt(m.group(1));
      String script = read(location + "/" + name);
      Migration migration =
          new Migration(version, m.group(2).replace('_', ' '), checksum(script), script);
      Migration clash = byVersion.put(version, migration);
      if (clash != null && !clash.checksum().equals(migration.checksum())) {
        throw new MigrationException("two different migration scripts have version " + version);
      }
    }
    return List.copyOf(byVersion.values());
  }

  /** Applies every script not yet recorded in {@code schema_version}, in order. */
  public List<Applied> apply(DataSource dataSource) {
    List<Migration> scripts = available();
    if (scripts.isEmpty()) {
      throw new MigrationException("no migration scripts found under " + location);
    }
    try (Connection lockHolder = dataSource.getConnection()) {
      boolean postgres = isPostgres(lockHolder);
      if (postgres) {
        execute(lockHolder, "SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
      }
      try {
        createVersionTable(lockHolder);
        verify(lockHolder, scripts);
        List<Applied> applied = new ArrayList<>();
        for (Migration migration : scripts) {
          applyOne(dataSource, migration).ifPresent(applied::add);
        }
        return Collections.unmodifiableList(applied);
      } finally {
        if (postgres) {
          execute(lockHolder, "SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("could not migrate the database: " + e.getMessage(), e);
    }
  }

  private static void createVersionTable(Connection connection) throws SQLException {
    execute(
        connection,
        "CREATE TABLE IF NOT EXISTS schema_version ("
            + " version INTEGER NOT NULL PRIMARY KEY,"
            + " description VARCHAR(200) NOT NULL,"
            + " checksum VARCHAR(64) NOT NULL,"
            + " applied_at BIGINT NOT NULL)");
  }

  /** Fails before applying anything if the recorded history disagrees with the scripts. */
  private static void verify(Connection connection, List<Migration> scripts) throws SQLException {
    Map<Integer, Migration> known = new TreeMap<>();
    scripts.forEach(m -> known.put(m.version(), m));
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_version")) {
      while (rs.next()) {
        int version = rs.getInt(1);
        String recorded = rs.getString(2);
        Migration script = known.get(version);
        if (script == null) {
          throw new MigrationException(
              "the database has schema version "
                  + version
                  + " but this build only knows versions up to "
                  + scripts.get(scripts.size() - 1).version()
                  + "; run a newer Tandem");
        }
        checkChecksum(script, recorded);
      }
    }
  }

  private static void checkChecksum(Migration script, String recorded) {
    if (!script.checksum().equals(recorded)) {
      throw new MigrationException(
          "migration V"
              + script.version()
              + " ("
              + script.description()
              + ") was changed after it was applied: checksum "
              + script.checksum()
              + " does not match the recorded "
              + recorded
              + "; restore the original script and add a new migration instead");
    }
  }

  private Optional<Applied> applyOne(DataSource dataSource, Migration migration)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        String recorded = recordedChecksum(connection, migration.version());
        if (recorded != null) {
          checkChecksum(migration, recorded);
          connection.rollback();
          return Optional.empty();
        }
        try (Statement st = connection.createStatement()) {
          for (String sql : statements(migration.script())) {
            st.execute(sql);
          }
        }
        Instant now = clock.instant();
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO schema_version (version, description, checksum, applied_at)"
                    + " VALUES (?, ?, ?, ?)")) {
          insert.setInt(1, migration.version());
          insert.setString(2, migration.description());
          insert.setString(3, migration.checksum());
          insert.setLong(4, now.toEpochMilli());
          insert.executeUpdate();
        }
        connection.commit();
        LOG.info("Applied migration V{} ({})", migration.version(), migration.description());
        return Optional.of(
            new Applied(migration.version(), migration.description(), migration.checksum(), now));
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        if (e instanceof SQLException sql) {
          throw new MigrationException(
              "migration V"
                  + migration.version()
                  + " ("
                  + migration.description()
                  + ") failed and was rolled back: "
                  + sql.getMessage(),
              sql);
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static String recordedChecksum(Connection connection, int version) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT checksum FROM schema_version WHERE version = ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Splits a script at semicolons that end a line, dropping {@code --} comment lines. */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        result.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }

  static String checksum(String script) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static boolean isPostgres(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  private String read(String resource) {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new MigrationException("migration script " + resource + " disappeared");
      }
      // normalise line ends so a checkout with CRLF has the same checksum
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File names directly under the location, from directories and jars alike. */
  private List<String> scriptNames() {
    TreeSet<String> names = new TreeSet<>();
    try {
      for (URL url : Collections.list(classLoader.getResources(location))) {
        switch (url.getProtocol()) {
          case "file" -> {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
              files.map(p -> p.getFileName().toString()).forEach(names::add);
            }
          }
          case "jar" -> {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
              String prefix = location + "/";
              for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix)
                    && !entry.isDirectory()
                    && name.indexOf('/', prefix.length()) < 0) {
                  names.add(name.substring(prefix.length()));
                }
              }
            }
          }
          default ->
              throw new MigrationException(
                  "cannot list migration scripts at " + url + " (unsupported protocol)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new MigrationException("bad migration location " + location, e);
    }
    return List.copyOf(names);
  }

  private static String stripSlashes(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
