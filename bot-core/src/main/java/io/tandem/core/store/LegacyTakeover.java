package io.tandem.core.store;

import static io.tandem.core.store.Migrations.HISTORY_TABLE;
import static io.tandem.core.store.Migrations.LEGACY_TABLE;
import static io.tandem.core.store.Migrations.LEGACY_TABLE_KEPT;

import io.tandem.core.store.Migrations.MigrationException;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a database made before Flyway: checks the history of Tandem's earlier runner ({@value
 * Migrations#LEGACY_TABLE}) against this build's scripts, baselines Flyway at its highest version
 * and keeps the old history as {@value Migrations#LEGACY_TABLE_KEPT}. Data is untouched.
 */
final class LegacyTakeover {

  private static final Logger LOG = LoggerFactory.getLogger(LegacyTakeover.class);

  private final DataSource dataSource;
  private final List<String> locations;
  private final ClassLoader classLoader;
  private final Function<Integer, Flyway> flyway;

  /**
   * @param flyway Flyway on the database, baselined at the given version (null: none)
   */
  LegacyTakeover(
      DataSource dataSource,
      List<String> locations,
      ClassLoader classLoader,
      Function<Integer, Flyway> flyway) {
    this.dataSource = dataSource;
    this.locations = locations;
    this.classLoader = classLoader;
    this.flyway = flyway;
  }

  /**
   * The earlier runner's history, version to checksum, when the database needs a takeover: it has
   * {@value #LEGACY_TABLE} and no Flyway history yet. Otherwise null.
   */
  Map<Integer, String> legacyHistory() {
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
  void takeOverIfNeeded() {
    Map<Integer, String> legacy = legacyHistory();
    if (legacy == null) {
      return;
    }
    int version = legacyVersion(flyway.apply(null), legacy);
    flyway.apply(version).baseline();
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
  int legacyVersion(Flyway flyway, Map<Integer, String> recorded) {
    List<MigrationInfo> scripts = Migrations.resolved(flyway);
    int newest = scripts.stream().mapToInt(Migrations::versionOf).max().orElse(0);
    if (recorded.isEmpty()) {
      throw new MigrationException(
          "the table " + LEGACY_TABLE + " is empty: the earlier runner recorded no version");
    }
    Map<Integer, MigrationInfo> byVersion = new TreeMap<>();
    scripts.forEach(m -> byVersion.put(Migrations.versionOf(m), m));
    int highest = 0;
    for (Map.Entry<Integer, String> entry : recorded.entrySet()) {
      MigrationInfo script = byVersion.get(entry.getKey());
      if (script == null) {
        throw Migrations.newerThanBuild(entry.getKey(), newest);
      }
      if (!legacyChecksum(script).equals(entry.getValue())) {
        throw Migrations.changedAfterApplied(entry.getKey(), script.getDescription());
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

  static boolean tableExists(Connection connection, String table) throws SQLException {
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
}
