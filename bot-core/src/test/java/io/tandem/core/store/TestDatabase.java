package io.tandem.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL schema
 * (selected with {@code currentSchema}) that {@link #close} drops again.
 */
public final class TestDatabase implements AutoCloseable {

  /** Set to e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} to test PostgreSQL. */
  public static final String PG_URL_VARIABLE = "TANDEM_TEST_PG_URL";

  private static final AtomicInteger FILES = new AtomicInteger();

  private final String url;
  private final String pgBaseUrl;
  private final String pgSchema;
  private final List<Database> opened = java.util.Collections.synchronizedList(new ArrayList<>());

  private TestDatabase(String url, String pgBaseUrl, String pgSchema) {
    this.url = url;
    this.pgBaseUrl = pgBaseUrl;
    this.pgSchema = pgSchema;
  }

  /** A new SQLite file under {@code dir}. */
  public static TestDatabase sqlite(Path dir) {
    Path file = dir.resolve("tandem-" + FILES.incrementAndGet() + ".db");
    return new TestDatabase("jdbc:sqlite:" + file, null, null);
  }

  /** A new schema in the PostgreSQL database named by {@value #PG_URL_VARIABLE}. */
  public static TestDatabase postgres() {
    String base = System.getenv(PG_URL_VARIABLE);
    if (base == null || !base.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(PG_URL_VARIABLE + " is not a PostgreSQL JDBC URL");
    }
    String schema =
        "tandem_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(base);
        Statement st = connection.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create schema " + schema, e);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(url, base, schema);
  }

  public static boolean postgresConfigured() {
    String base = System.getenv(PG_URL_VARIABLE);
    return base != null && base.startsWith("jdbc:postgresql:");
  }

  public String url() {
    return url;
  }

  /** Opens (and migrates) the database; {@link #close} closes it. */
  public Database open(Clock clock) {
    return open(DatabaseSettings.of(url, null, null, 8), clock);
  }

  public Database open(DatabaseSettings settings, Clock clock) {
    Database db = Database.open(settings, clock);
    opened.add(db);
    return db;
  }

  /** Settings for this database, migrating on open. */
  public DatabaseSettings settings() {
    return DatabaseSettings.of(url, null, null, 8);
  }

  @Override
  public void close() {
    opened.forEach(Database::close);
    opened.clear();
    if (pgSchema != null) {
      try (Connection connection = DriverManager.getConnection(pgBaseUrl);
          Statement st = connection.createStatement()) {
        st.execute("DROP SCHEMA " + pgSchema + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop schema " + pgSchema, e);
      }
    }
  }
}
