package io.tandem.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Builds a schema the way Tandem's runner before Flyway did: the production scripts in version
 * order, each split at semicolons that end a line with {@code --} comment lines dropped, and one
 * row per script in {@code schema_version} (version, description, SHA-256 of the script, applied_at
 * in epoch millis). For tests of the takeover on engines where no file from that release is kept.
 */
final class LegacyRunner {

  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w[\\w-]*)\\.sql");

  private LegacyRunner() {}

  /** Applies the production scripts up to and including {@code lastVersion}. */
  static void migrate(DataSource dataSource, int lastVersion) {
    try (Connection connection = dataSource.getConnection();
        Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE schema_version ("
              + " version INTEGER NOT NULL PRIMARY KEY,"
              + " description VARCHAR(200) NOT NULL,"
              + " checksum VARCHAR(64) NOT NULL,"
              + " applied_at BIGINT NOT NULL)");
      for (Map.Entry<Integer, Path> script : scripts().entrySet()) {
        if (script.getKey() > lastVersion) {
          break;
        }
        String text = Files.readString(script.getValue(), StandardCharsets.UTF_8);
        connection.setAutoCommit(false);
        for (String sql : statements(text)) {
          st.execute(sql);
        }
        Matcher name = FILE_NAME.matcher(script.getValue().getFileName().toString());
        name.matches();
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?, ?)")) {
          insert.setInt(1, script.getKey());
          insert.setString(2, name.group(2).replace('_', ' '));
          insert.setString(3, Migrations.sha256(text.replace("\r\n", "\n")));
          insert.setLong(4, 1_780_000_000_000L);
          insert.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The highest version among the production scripts. */
  static int newestVersion() {
    try {
      return ((TreeMap<Integer, Path>) scripts()).lastKey();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Integer, Path> scripts() throws IOException {
    Map<Integer, Path> byVersion = new TreeMap<>();
    try (Stream<Path> files =
        Files.list(
            Path.of(
                LegacyRunner.class
                    .getClassLoader()
                    .getResource(Migrations.DEFAULT_LOCATION)
                    .toURI()))) {
      files.forEach(
          f -> {
            Matcher m = FILE_NAME.matcher(f.getFileName().toString());
            if (m.matches()) {
              byVersion.put(Integer.parseInt(m.group(1)), f);
            }
          });
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return byVersion;
  }

  private static List<String> statements(String script) {
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
    return result;
  }
}
