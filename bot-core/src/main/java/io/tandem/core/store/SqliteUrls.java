package io.tandem.core.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Tandem's settings for SQLite URLs (see {@link Database}), and URLs fit for logs. */
final class SqliteUrls {

  static final String PREFIX = "jdbc:sqlite:";
  private static final Map<String, String> SQLITE_DEFAULTS = sqliteDefaults();

  private SqliteUrls() {}

  /** {@link #withDefaults}, refusing an in-memory database as a configuration mistake. */
  static String checked(String jdbcUrl) {
    try {
      return withDefaults(jdbcUrl);
    } catch (IllegalArgumentException e) {
      throw io.tandem.core.kernel.SetupFailure.of(
          io.tandem.core.kernel.SetupFailure.Kind.CONFIG,
          "Tandem cannot use " + jdbcUrl + " as its database",
          e.getMessage(),
          "Set database.url (or TANDEM_DATABASE_URL) to a file, e.g. jdbc:sqlite:tandem.db",
          e);
    }
  }

  /** Adds Tandem's SQLite settings to a {@code jdbc:sqlite:} URL unless it already has them. */
  static String withDefaults(String jdbcUrl) {
    String rest = jdbcUrl.substring(PREFIX.length());
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    String query = question < 0 ? "" : rest.substring(question + 1);
    String lowerPath = path.toLowerCase(Locale.ROOT);
    String lowerQuery = query.toLowerCase(Locale.ROOT);
    if (path.isBlank()
        || lowerPath.equals(":memory:")
        || lowerPath.startsWith("file::memory:")
        || lowerPath.contains("mode=memory")
        || lowerQuery.contains("mode=memory")) {
      throw new IllegalArgumentException(
          "SQLite in-memory databases are not supported (each pooled connection would get its"
              + " own empty database): use a file, e.g. jdbc:sqlite:tandem.db");
    }
    Map<String, String> present = new LinkedHashMap<>();
    for (String parameter : query.split("&")) {
      if (!parameter.isBlank()) {
        present.put(parameter.split("=", 2)[0].strip().toLowerCase(Locale.ROOT), parameter);
      }
    }
    StringBuilder url = new StringBuilder(jdbcUrl);
    char separator = question < 0 ? '?' : '&';
    for (Map.Entry<String, String> setting : SQLITE_DEFAULTS.entrySet()) {
      if (!present.containsKey(setting.getKey())) {
        url.append(separator).append(setting.getKey()).append('=').append(setting.getValue());
        separator = '&';
      }
    }
    return url.toString();
  }

  private static Map<String, String> sqliteDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("busy_timeout", "10000");
    defaults.put("journal_mode", "WAL");
    defaults.put("transaction_mode", "IMMEDIATE");
    defaults.put("synchronous", "NORMAL");
    defaults.put("foreign_keys", "true");
    // the Database's WalCheckpointer checkpoints on its own thread, never inside a commit
    defaults.put("wal_autocheckpoint", "0");
    return Collections.unmodifiableMap(defaults);
  }

  /** The URL with any password in it masked, for logs. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
