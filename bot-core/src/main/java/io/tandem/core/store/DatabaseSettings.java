package io.tandem.core.store;

import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param jdbcUrl {@code jdbc:sqlite:/path/to/tandem.db} or {@code jdbc:postgresql://host/db};
 *     SQLite in-memory databases are not supported (each pooled connection would see its own empty
 *     database), use a file
 * @param user the user name, or {@code null} (SQLite; or given in the URL)
 * @param password the password, or {@code null}
 * @param poolSize the most connections the pool opens (shared with Quartz)
 * @param migrateOnOpen whether {@link Database#open} applies pending migrations first
 */
public record DatabaseSettings(
    String jdbcUrl, String user, String password, int poolSize, boolean migrateOnOpen) {

  public static final int DEFAULT_POOL_SIZE = 10;

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
  }

  /** Settings that migrate on open. */
  public static DatabaseSettings of(String jdbcUrl, String user, String password, int poolSize) {
    return new DatabaseSettings(jdbcUrl, user, password, poolSize, true);
  }

  public DatabaseSettings withMigrateOnOpen(boolean migrate) {
    return new DatabaseSettings(jdbcUrl, user, password, poolSize, migrate);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "DatabaseSettings[jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", poolSize="
        + poolSize
        + ", migrateOnOpen="
        + migrateOnOpen
        + "]";
  }
}
