package io.tandem.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * and PostgreSQL, so they use portable SQL only; Flyway applies all pending ones in one transaction
 * and records them in {@value #HISTORY_TABLE} (on SQLite each script goes to the database whole,
 * see {@link WholeScriptResolver}). Placeholder replacement is off: a script runs exactly as
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
  private Boolean sqlite;

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
      takeover().takeOverIfNeeded();
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
      LegacyTakeover takeover = takeover();
      Map<Integer, String> legacy = takeover.legacyHistory();
      if (legacy != null) {
        int version = takeover.legacyVersion(flyway, legacy);
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
      return LegacyTakeover.tableExists(connection, HISTORY_TABLE)
          || LegacyTakeover.tableExists(connection, LEGACY_TABLE);
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
            // every pending script in one transaction: one commit, and a script that fails takes
            // the ones before it back with it instead of leaving the schema between versions
            .group(true)
            .loggers("slf4j");
    if (sqlite()) {
      config.skipDefaultResolvers(true).resolvers(new WholeScriptResolver(locations, classLoader));
    }
    if (baselineVersion != null) {
      config
          .baselineVersion(MigrationVersion.fromVersion(Integer.toString(baselineVersion)))
          .baselineDescription(TAKEOVER_DESCRIPTION);
    }
    return config.load();
  }

  /** Whether the database is SQLite, asked once. */
  private boolean sqlite() {
    if (sqlite == null) {
      try (Connection connection = dataSource.getConnection()) {
        sqlite = "SQLite".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new MigrationException("could not reach the database: " + e.getMessage(), e);
      }
    }
    return sqlite;
  }

  private void requireScripts(Flyway flyway) {
    if (resolved(flyway).isEmpty()) {
      throw new MigrationException("no migration scripts found under " + locations);
    }
  }

  /** The scripts on the classpath, in version order. */
  static List<MigrationInfo> resolved(Flyway flyway) {
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

  static MigrationException newerThanBuild(Object version, int newest) {
    return new MigrationException(
        "the database has schema version "
            + version
            + " but this build only knows versions up to "
            + newest
            + "; run a newer Tandem",
        null,
        true);
  }

  static MigrationException changedAfterApplied(Object version, String description) {
    return new MigrationException(
        "migration V"
            + version
            + " ("
            + description
            + ") was changed after it was applied; restore the original script and add a new"
            + " migration instead");
  }

  private LegacyTakeover takeover() {
    return new LegacyTakeover(dataSource, locations, classLoader, this::flyway);
  }

  /** The earlier runner's checksum of a script's text; see {@link LegacyTakeover}. */
  static String sha256(String text) {
    return LegacyTakeover.sha256(text);
  }

  static int versionOf(MigrationInfo migration) {
    return Integer.parseInt(migration.getVersion().getVersion());
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
