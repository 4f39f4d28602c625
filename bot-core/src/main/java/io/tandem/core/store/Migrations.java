package io.tandem.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database schema up to date with Flyway from the versioned SQL scripts on the classpath.
 *
 * <p>Scripts live under {@value #DEFAULT_LOCATION} and are named {@code
 * V<version>__<description>.sql} (for example {@code V1__init.sql}). The same scripts run on SQLite
 * and PostgreSQL, so they use portable SQL only; Flyway applies each in its own transaction and
 * records it in {@value #HISTORY_TABLE}. Placeholder replacement is off: a script runs exactly as
 * written. If an applied script was changed afterwards, or the database carries a version this
 * build does not know, {@link #migrate()} fails with {@link MigrationException} before touching
 * anything. On PostgreSQL, instances that start at once take turns on Flyway's advisory lock.
 *
 * <p>Databases made before Flyway carry their history in {@value #LEGACY_TABLE}, written by
 * Tandem's own runner. {@link #migrate()} takes such a database over: it checks that every version
 * recorded there is one of this build's scripts, unchanged, baselines Flyway at the highest of
 * them, keeps the old history as {@value #LEGACY_TABLE_KEPT}, and then applies the later scripts.
 * Data is untouched. Two instances taking over at once both end at the same baseline.
 */
public final class Migrations {

  /** Where the production scripts live on the classpath. */
  public static final String DEFAULT_LOCATION = "db/migration";

  /** Flyway's history of the applied scripts. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  /** The history table of the runner that came before Flyway. */
  public static final String LEGACY_TABLE = "schema_version";

  /** What a takeover renames {@value #LEGACY_TABLE} to; nothing reads it afterwards. */
  public static final String LEGACY_TABLE_KEPT = "schema_version_before_flyway";

  /** The baseline's description; the same in every instance, so concurrent takeovers agree. */
  static final String TAKEOVER_DESCRIPTION = "taken over from " + LEGACY_TABLE;

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** A script this run applied. */
  public record Applied(int version, String description, Instant appliedAt) {}

  /** A script that {@link #migrate()} would apply. */
  public record Pending(int version, String description) {}

  /** The schema cannot be brought up to date safely; nothing further was applied. */
  public static final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean newerThanBuild;

    MigrationException(String message) {
      this(message, null, false);
    }

    MigrationException(String message, Throwable cause) {
      this(message, cause, false);
    }

    private MigrationException(String message, Throwable cause, boolean newerThanBuild) {
      super(message, cause);
      this.newerThanBuild = newerThanBuild;
    }

    /** Whether a newer Tandem has migrated the database past this build's scripts. */
    public boolean newerThanBuild() {
      return newerThanBuild;
    }
  }

  private final DataSource dataSource;
  private final Clock clock;
  private final List<String> locations;
  private final ClassLoader classLoader;

  /**
   * @param locations classpath folders holding scripts, e.g. {@value #DEFAULT_LOCATION}
   */
  Migrations(DataSource dataSource, Clock clock, List<String> locations, ClassLoader classLoader) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.locations = locations.stream().map(Migrations::stripSlashes).toList();
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    if (this.locations.isEmpty()) {
      throw new IllegalArgumentException("no migration locations");
    }
  }

  /** The production scripts over {@code dataSource}; {@code clock} stamps what was applied. */
  public static Migrations of(DataSource dataSource, Clock clock) {
    return new Migrations(
        dataSource, clock, List.of(DEFAULT_LOCATION), Migrations.class.getClassLoader());
  }

  /** Applies the production scripts; returns what was applied (empty when already up to date). */
  public static List<Applied> migrate(DataSource dataSource) {
    return migrate(dataSource, Clock.systemUTC());
  }

  public static List<Applied> migrate(DataSource dataSource, Clock clock) {
    return of(dataSource, clock).migrate();
  }

  /**
   * Takes over a database made before Flyway if need be, then applies every pending script in
   * order.
   *
   * @return what was applied, in order; empty when the schema was current
   * @throws MigrationException when the history disagrees with the scripts or a script fails
   */
  public List<Applied> migrate() {
    try {
      takeOverLegacyHistory();
      Flyway flyway = flyway(null);
      List<MigrateOutput> outputs;
      try {
        outputs = flyway.migrate().migrations;
      } catch (FlywayValidateException e) {
        requireValid(flyway);
        throw e;
      }
      if (outputs.isEmpty()) {
        requireScripts(flyway);
      }
      Instant now = clock.instant();
      List<Applied> applied = new ArrayList<>();
      for (MigrateOutput output : outputs) {
        applied.add(new Applied(Integer.parseInt(output.version), output.description, now));
        LOG.info("Applied migration V{} ({})", output.version, output.description);
      }
      return List.copyOf(applied);
    } catch (FlywayException e) {
      throw new MigrationException("could not migrate the database: " + e.getMessage(), e);
    }
  }

  /**
   * What {@link #migrate()} would apply, without changing the database (not even a takeover).
   *
   * @throws MigrationException when the history disagrees with the scripts, as {@link #migrate()}
   *     would
   */
  public List<Pending> pending() {
    try {
      Flyway flyway = flyway(null);
      requireScripts(flyway);
      Map<Integer, String> legacy = legacyHistory();
      if (legacy != null) {
        int version = legacyVersion(flyway, legacy);
        return resolved(flyway).stream()
            .filter(m -> versionOf(m) > version)
            .map(m -> new Pending(versionOf(m), m.getDescription()))
            .toList();
      }
      requireValid(flyway);
      return Arrays.stream(flyway.info().pending())
          .map(m -> new Pending(versionOf(m), m.getDescription()))
          .toList();
    } catch (FlywayException e) {
      throw new MigrationException("could not read the schema history: " + e.getMessage(), e);
    }
  }

  /** Whether the database holds a Tandem schema at all, by either migration runner's history. */
  public boolean hasSchema() {
    try (Connection connection = dataSource.getConnection()) {
      return tableExists(connection, HISTORY_TABLE) || tableExists(connection, LEGACY_TABLE);
    } catch (SQLException e) {
      throw new MigrationException("could not read the schema history: " + e.getMessage(), e);
    }
  }

  /** The newest schema version this build's scripts make, read without any database of ours. */
  public static int newestInBuild() {
    Flyway scripts =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource("jdbc:sqlite::memory:", null, null)
            .locations("classpath:" + DEFAULT_LOCATION)
            .loggers("slf4j")
            .load();
    return resolved(scripts).stream().mapToInt(Migrations::versionOf).max().orElse(0);
  }

  /** Whether the schema is up to date, checked without changing the database. */
  public boolean isCurrent() {
    return pending().isEmpty();
  }

  private Flyway flyway(Integer baselineVersion) {
    var config =
        Flyway.configure(classLoader)
            .dataSource(dataSource)
            .locations(locations.stream().map(l -> "classpath:" + l).toArray(String[]::new))
            .table(HISTORY_TABLE)
            .placeholderReplacement(false)
            // a database newer than this build is an error, not something to ignore
            .ignoreMigrationPatterns("*:pending")
            .baselineOnMigrate(false)
            .loggers("slf4j");
    if (baselineVersion != null) {
      config
          .baselineVersion(MigrationVersion.fromVersion(Integer.toString(baselineVersion)))
          .baselineDescription(TAKEOVER_DESCRIPTION);
    }
    return config.load();
  }

  private void requireScripts(Flyway flyway) {
    if (resolved(flyway).isEmpty()) {
      throw new MigrationException("no migration scripts found under " + locations);
    }
  }

  /** The scripts on the classpath, in version order. */
  private static List<MigrationInfo> resolved(Flyway flyway) {
    return Arrays.stream(flyway.info().all())
        .filter(m -> m.getVersion() != null && m.getScript() != null && !m.getType().isBaseline())
        .filter(m -> m.getState().isResolved())
        .toList();
  }

  /** Fails with a message an operator can act on if the recorded history disagrees. */
  private static void requireValid(Flyway flyway) {
    ValidateResult result = flyway.validateWithResult();
    if (result.validationSuccessful) {
      return;
    }
    int newest = resolved(flyway).stream().mapToInt(Migrations::versionOf).max().orElse(0);
    for (ValidateOutput invalid : result.invalidMigrations) {
      var code = invalid.errorDetails.errorCode;
      if (code == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED) {
        throw newerThanBuild(invalid.version, newest);
      }
      if (code == CoreErrorCode.CHECKSUM_MISMATCH) {
        throw changedAfterApplied(invalid.version, invalid.description);
      }
    }
    throw new MigrationException(
        "the schema history does not match this build's migrations: "
            + result.getAllErrorMessages());
  }

  private static MigrationException newerThanBuild(Object version, int newest) {
    return new MigrationException(
        "the database has schema version "
            + version
            + " but this build only knows versions up to "
            + newest
            + "; run a newer Tandem",
        null,
        true);
  }

  private static MigrationException changedAfterApplied(Object version, String description) {
    return new MigrationException(
        "migration V"
            + version
            + " ("
            + description
            + ") was changed after it was applied; restore the original script and add a new"
            + " migration instead");
  }

  // ---- taking over from the runner that came before Flyway ----------------------------------

  /**
   * The earlier runner's history, version to checksum, when the database needs a takeover: it has
   * {@value #LEGACY_TABLE} and no Flyway history yet. Otherwise null.
   */
  private Map<Integer, String> legacyHistory() {
    try (Connection connection = dataSource.getConnection()) {
      if (tableExists(connection, HISTORY_TABLE) || !tableExists(connection, LEGACY_TABLE)) {
        return null;
      }
      Map<Integer, String> recorded = new TreeMap<>();
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + LEGACY_TABLE)) {
        while (rs.next()) {
          recorded.put(rs.getInt(1), rs.getString(2));
        }
      }
      return recorded;
    } catch (SQLException e) {
      throw new MigrationException("could not read the schema history: " + e.getMessage(), e);
    }
  }

  /**
   * Baselines Flyway at the version the earlier runner recorded and keeps that runner's table under
   * another name. Safe to run by several instances at once: Flyway creates its history table under
   * its lock and skips a baseline that is already there with the same version and description.
   */
  private void takeOverLegacyHistory() {
    Map<Integer, String> legacy = legacyHistory();
    if (legacy == null) {
      return;
    }
    int version = legacyVersion(flyway(null), legacy);
    flyway(version).baseline();
    try (Connection connection = dataSource.getConnection();
        Statement st = connection.createStatement()) {
      // another instance taking over at the same time may have renamed it already
      if (isPostgres(connection)) {
        st.execute("ALTER TABLE IF EXISTS " + LEGACY_TABLE + " RENAME TO " + LEGACY_TABLE_KEPT);
      } else if (tableExists(connection, LEGACY_TABLE)) {
        st.execute("ALTER TABLE " + LEGACY_TABLE + " RENAME TO " + LEGACY_TABLE_KEPT);
      }
    } catch (SQLException e) {
      throw new MigrationException(
          "baselined at V" + version + " but could not rename " + LEGACY_TABLE + ": " + e, e);
    }
    LOG.info(
        "Took the schema over at V{} from Tandem's earlier migration runner; its history is kept in"
            + " {}",
        version,
        LEGACY_TABLE_KEPT);
  }

  /**
   * The version the earlier runner reached, after checking its history as it did: every recorded
   * version is a script of this build with the same SHA-256, and none is missing below the highest.
   */
  private int legacyVersion(Flyway flyway, Map<Integer, String> recorded) {
    List<MigrationInfo> scripts = resolved(flyway);
    int newest = scripts.stream().mapToInt(Migrations::versionOf).max().orElse(0);
    if (recorded.isEmpty()) {
      throw new MigrationException(
          "the table " + LEGACY_TABLE + " is empty: the earlier runner recorded no version");
    }
    Map<Integer, MigrationInfo> byVersion = new TreeMap<>();
    scripts.forEach(m -> byVersion.put(versionOf(m), m));
    int highest = 0;
    for (Map.Entry<Integer, String> entry : recorded.entrySet()) {
      MigrationInfo script = byVersion.get(entry.getKey());
      if (script == null) {
        throw newerThanBuild(entry.getKey(), newest);
      }
      if (!legacyChecksum(script).equals(entry.getValue())) {
        throw changedAfterApplied(entry.getKey(), script.getDescription());
      }
      highest = Math.max(highest, entry.getKey());
    }
    for (int version : byVersion.keySet()) {
      if (version < highest && !recorded.containsKey(version)) {
        throw new MigrationException(
            "the earlier runner recorded V"
                + highest
                + " but not V"
                + version
                + "; cannot take over");
      }
    }
    return highest;
  }

  /** The earlier runner's checksum: SHA-256 of the script with line ends normalised to LF. */
  private String legacyChecksum(MigrationInfo script) {
    for (String location : locations) {
      try (InputStream in = classLoader.getResourceAsStream(location + "/" + script.getScript())) {
        if (in != null) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
          return sha256(text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new MigrationException("migration script " + script.getScript() + " disappeared");
  }

  static String sha256(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static int versionOf(MigrationInfo migration) {
    return Integer.parseInt(migration.getVersion().getVersion());
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPostgres(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres");
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
