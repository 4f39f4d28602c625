package io.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.privacy.PersonalData.Rule;
import io.tandem.core.privacy.persistence.PersonalDataRows;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of where personal data lives ({@link PersonalData#RULES}) against the schema the
 * migrations make: a table or column that looks personal and is not in the list fails here until
 * the export and the erasure handle it.
 */
@DisplayName("Every personal column of the schema is exported and erased by the list")
class PersonalDataCoverageTest {

  @TempDir Path dir;

  @Test
  @DisplayName("each person-looking column of every migrated table has a treatment in the list")
  void everyPersonColumnIsCovered() throws SQLException {
    Map<String, Set<String>> schema = schema();
    assertThat(schema).containsKeys("member", "participant", "session_note", "erasure_audit");
    assertThat(schema.get("member")).contains("user_id", "display_name", "email");

    List<String> uncovered = new ArrayList<>();
    for (Map.Entry<String, Set<String>> table : schema.entrySet()) {
      if (table.getKey().startsWith(PersonalData.SCHEDULER_TABLE_PREFIX)) {
        continue;
      }
      Set<String> treated = new TreeSet<>();
      PersonalData.rulesFor(table.getKey()).forEach(r -> treated.addAll(r.columns().keySet()));
      for (String column : table.getValue()) {
        if (PersonalData.PERSON_COLUMN.matcher(column).find() && !treated.contains(column)) {
          uncovered.add(table.getKey() + "." + column);
        }
      }
    }
    assertThat(uncovered)
        .as(
            "columns that look personal but that PersonalData.RULES does not say how to export"
                + " and erase; add a rule or a column treatment")
        .isEmpty();
  }

  @Test
  @DisplayName("the list names only tables and columns that exist, and its SQL runs")
  void listMatchesSchema() throws SQLException {
    Map<String, Set<String>> schema = schema();
    List<String> stale = new ArrayList<>();
    for (Rule rule : PersonalData.RULES) {
      if (PersonalData.OPTIONAL_TABLES.contains(rule.table())
          && !schema.containsKey(rule.table())) {
        continue;
      }
      Set<String> columns = schema.get(rule.table());
      if (columns == null) {
        stale.add(rule.table());
        continue;
      }
      rule.columns().keySet().stream()
          .filter(c -> !columns.contains(c))
          .forEach(c -> stale.add(rule.table() + "." + c));
      if (rule.keyColumn() != null && !columns.contains(rule.keyColumn())) {
        stale.add(rule.table() + "." + rule.keyColumn() + " (key)");
      }
    }
    assertThat(stale).as("rules naming what the schema does not have").isEmpty();
  }

  @Test
  @DisplayName("a new table with a person column would fail the check")
  void checkCanFail() {
    assertThat(PersonalData.PERSON_COLUMN.matcher("mentor_note").find()).isTrue();
    assertThat(PersonalData.PERSON_COLUMN.matcher("created_by").find()).isTrue();
    assertThat(PersonalData.PERSON_COLUMN.matcher("user_id").find()).isTrue();
    assertThat(PersonalData.PERSON_COLUMN.matcher("email").find()).isTrue();
    assertThat(PersonalData.PERSON_COLUMN.matcher("occurred_at").find()).isFalse();
    assertThat(PersonalData.rulesFor("buddy_note")).isEmpty();
  }

  /** Every table and its columns, lower case, as the migrations made them. */
  private Map<String, Set<String>> schema() throws SQLException {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      Database db = test.open(Clock.systemUTC());
      return schema(db);
    }
  }

  /** Every table of {@code db} and its columns, lower case. */
  static Map<String, Set<String>> schema(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      Map<String, Set<String>> tables = new TreeMap<>();
      DatabaseMetaData meta = c.getMetaData();
      for (String table : PersonalDataRows.tables(c)) {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
          while (rs.next()) {
            columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
        if (columns.isEmpty()) {
          try (ResultSet rs = meta.getColumns(null, null, table.toUpperCase(Locale.ROOT), "%")) {
            while (rs.next()) {
              columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
        tables.put(table, columns);
      }
      return tables;
    }
  }
}
