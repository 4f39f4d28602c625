package io.tandem.config;

import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import org.hibernate.validator.constraints.Range;

/**
 * Where Tandem keeps its data.
 *
 * @param url a JDBC URL starting with {@code jdbc:sqlite:} or {@code jdbc:postgresql:}; a relative
 *     SQLite path is kept as given (relative to the process's working directory)
 * @param user the database user, or {@code null} (SQLite needs none; PostgreSQL may take it from
 *     the URL)
 * @param password the database password, or {@code null}; never shown by {@link #toString()}
 * @param poolSize connections in the pool, {@value #MIN_POOL_SIZE} to {@value #MAX_POOL_SIZE}
 */
public record DatabaseConfig(
    @Pattern(
            regexp = "(?s)jdbc:(sqlite|postgresql):.*",
            message = "must start with jdbc:sqlite: or jdbc:postgresql:")
        String url,
    String user,
    String password,
    @Range(
            min = MIN_POOL_SIZE,
            max = MAX_POOL_SIZE,
            message = "is not a number between 1 and " + MAX_POOL_SIZE)
        int poolSize) {

  public static final String SQLITE_PREFIX = "jdbc:sqlite:";
  public static final String POSTGRES_PREFIX = "jdbc:postgresql:";
  public static final String DEFAULT_URL = "jdbc:sqlite:./tandem.db";
  public static final int DEFAULT_POOL_SIZE = 4;
  public static final int MIN_POOL_SIZE = 1;
  public static final int MAX_POOL_SIZE = 64;

  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith(SQLITE_PREFIX) && !url.startsWith(POSTGRES_PREFIX)) {
      throw new IllegalArgumentException(
          "url " + Masking.url(url) + " must start with jdbc:sqlite: or jdbc:postgresql:");
    }
    if (poolSize < MIN_POOL_SIZE || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException(
          "poolSize " + poolSize + " is not between 1 and " + MAX_POOL_SIZE);
    }
    user = Text.blankToNull(user);
    password = password == null || password.isEmpty() ? null : password;
  }

  /**
   * The built-in default: a SQLite file {@code ./tandem.db}, pool of {@value DEFAULT_POOL_SIZE}.
   */
  public static DatabaseConfig defaults() {
    return new DatabaseConfig(DEFAULT_URL, null, null, DEFAULT_POOL_SIZE);
  }

  public boolean isSqlite() {
    return url.startsWith(SQLITE_PREFIX);
  }

  public boolean isPostgres() {
    return url.startsWith(POSTGRES_PREFIX);
  }

  /** Masks the password, and any password inside the URL. */
  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + Masking.url(url)
        + ", user="
        + (user == null ? Masking.NOT_SET : user)
        + ", password="
        + Masking.hidden(password)
        + ", poolSize="
        + poolSize
        + "]";
  }
}
