package io.tandem.core.privacy.persistence;

import com.google.gson.Gson;
import io.tandem.core.port.in.Markup;
import io.tandem.core.privacy.PersonalData;
import io.tandem.core.privacy.PersonalData.Rule;
import io.tandem.core.privacy.Treatment;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link PersonalData#RULES} with plain JDBC on the caller's connection and transaction: the
 * rules span every table, which one SQL statement per rule says more plainly than a query per
 * entity. Not thread-safe; one per call.
 */
public final class PersonalDataRows {

  /**
   * Whom the rows are about, in one workspace.
   *
   * @param email lower-cased, or {@code null}
   */
  public record Person(
      long workspaceId, long memberId, String userId, String displayName, String email) {}

  private static final Pattern PLACEHOLDER =
      Pattern.compile(":(member|userLike|user|email|workspace|name)\\b");

  private final Connection connection;
  private final Person person;
  private final Set<String> tables;

  public PersonalDataRows(Connection connection, Person person) throws SQLException {
    this.connection = connection;
    this.person = person;
    this.tables = tables(connection);
  }

  /** The lower-case names of the tables in the connection's schema. */
  public static Set<String> tables(Connection connection) throws SQLException {
    Set<String> names = new HashSet<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** Every exported rule's rows, by section, in list order; timestamps as ISO instants. */
  public Map<String, List<Map<String, Object>>> export() throws SQLException {
    Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
    for (Rule rule : PersonalData.RULES) {
      if (rule.exportWhere() == null || !tables.contains(rule.table())) {
        continue;
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (PreparedStatement ps =
              prepare(
                  "SELECT * FROM " + rule.table() + " WHERE " + rule.exportWhere() + order(rule));
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            row.put(column, readable(column, rs.getObject(i)));
          }
          rows.add(row);
        }
      }
      sections.put(rule.what(), rows);
    }
    return sections;
  }

  private static String order(Rule rule) {
    return rule.keyColumn() == null ? "" : " ORDER BY " + rule.keyColumn();
  }

  /**
   * Applies every rule's erasure in list order.
   *
   * @param pseudonym what replaces the person's ids and names
   * @param emptyPayload an outbox payload that says nothing, for messages to the person
   * @return how many rows changed, per table
   */
  public Map<String, Integer> erase(String pseudonym, String emptyPayload) throws SQLException {
    Map<String, Integer> changed = new LinkedHashMap<>();
    for (Rule rule : PersonalData.RULES) {
      if (!tables.contains(rule.table())) {
        continue;
      }
      int rows = 0;
      if (rule.replacesMentions()) {
        rows += replaceMentions(rule, pseudonym);
      }
      if (rule.eraseWhere() != null) {
        rows += rule.deleteRows() ? delete(rule) : update(rule, pseudonym, emptyPayload);
      }
      if (rows > 0) {
        changed.merge(rule.table(), rows, Integer::sum);
      }
    }
    return changed;
  }

  private int delete(Rule rule) throws SQLException {
    try (PreparedStatement ps =
        prepare("DELETE FROM " + rule.table() + " WHERE " + rule.eraseWhere())) {
      return ps.executeUpdate();
    }
  }

  private int update(Rule rule, String pseudonym, String emptyPayload) throws SQLException {
    List<String> sets = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (Map.Entry<String, Treatment> column : rule.columns().entrySet()) {
      switch (column.getValue()) {
        case PSEUDONYMISE -> {
          sets.add(column.getKey() + " = ?");
          values.add(pseudonym);
        }
        case NULL -> sets.add(column.getKey() + " = NULL");
        case EMPTY -> sets.add(column.getKey() + " = ''");
        case EMPTY_PAYLOAD -> {
          sets.add(column.getKey() + " = ?");
          values.add(emptyPayload);
        }
        case REPLACE_MENTIONS, LINK, KEEP -> {
          // mentions are replaced row by row; links and kept columns stay
        }
      }
    }
    if (sets.isEmpty()) {
      return 0;
    }
    Expanded where = expand(rule.eraseWhere());
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + rule.table() + " SET " + String.join(", ", sets) + " WHERE " + where.sql)) {
      int i = 1;
      for (Object value : values) {
        ps.setObject(i++, value);
      }
      for (Object value : where.values) {
        ps.setObject(i++, value);
      }
      return ps.executeUpdate();
    }
  }

  /**
   * Replaces the person's user id, name and email wherever they stand as words in the rule's text
   * columns, as typed and as JSON or chat markup escape them.
   */
  private int replaceMentions(Rule rule, String pseudonym) throws SQLException {
    List<String> columns =
        rule.columns().entrySet().stream()
            .filter(e -> e.getValue() == Treatment.REPLACE_MENTIONS)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    List<String> needles = needles();
    if (needles.isEmpty()) {
      return 0;
    }
    List<String> likes = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String column : columns) {
      for (String needle : needles) {
        likes.add("LOWER(" + column + ") LIKE ?");
        values.add("%" + needle.toLowerCase(Locale.ROOT) + "%");
      }
    }
    String sql =
        "SELECT "
            + rule.keyColumn()
            + ", "
            + String.join(", ", columns)
            + " FROM "
            + rule.table()
            + " WHERE ("
            + String.join(" OR ", likes)
            + ")";
    Map<Object, List<String>> updates = replaced(sql, values, columns, needles, pseudonym);
    write(rule, columns, updates);
    return updates.size();
  }

  /** The rows {@code sql} finds, by key, with the person's mentions in each column replaced. */
  private Map<Object, List<String>> replaced(
      String sql, List<Object> values, List<String> columns, List<String> needles, String pseudonym)
      throws SQLException {
    Pattern words = mentions(needles);
    Map<Object, List<String>> updates = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> replaced = new ArrayList<>();
          boolean any = false;
          for (int i = 0; i < columns.size(); i++) {
            String text = rs.getString(i + 2);
            String next =
                text == null
                    ? null
                    : words.matcher(text).replaceAll(Matcher.quoteReplacement(pseudonym));
            any |= text != null && !text.equals(next);
            replaced.add(next);
          }
          if (any) {
            updates.put(rs.getObject(1), replaced);
          }
        }
      }
    }
    return updates;
  }

  private void write(Rule rule, List<String> columns, Map<Object, List<String>> updates)
      throws SQLException {
    String update =
        "UPDATE "
            + rule.table()
            + " SET "
            + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
            + " WHERE "
            + rule.keyColumn()
            + " = ?";
    try (PreparedStatement ps = connection.prepareStatement(update)) {
      for (Map.Entry<Object, List<String>> row : updates.entrySet()) {
        int i = 1;
        for (String value : row.getValue()) {
          ps.setString(i++, value);
        }
        ps.setObject(i, row.getKey());
        ps.executeUpdate();
      }
    }
  }

  /** The texts that identify the person, in the forms Tandem stores them. */
  private List<String> needles() {
    Gson gson = new Gson();
    Set<String> needles = new LinkedHashSet<>();
    List<String> bases = new ArrayList<>();
    bases.add(person.userId());
    bases.add(person.displayName());
    bases.add(person.email());
    if (person.displayName() != null) {
      // "Ana Silva" is also written "Ana"; shorter parts would match too much
      for (String part : person.displayName().strip().split("\\s+")) {
        if (part.length() >= 3) {
          bases.add(part);
        }
      }
    }
    for (String base : bases) {
      // a one-letter name would match every "a"; such a name is not kept anywhere else
      if (base == null || base.strip().length() < 2) {
        continue;
      }
      for (String form : List.of(base, Markup.text(base))) {
        needles.add(form);
        String json = gson.toJson(form);
        needles.add(json.substring(1, json.length() - 1));
      }
    }
    return new ArrayList<>(needles);
  }

  /** Any needle as a whole word, ignoring case. */
  static Pattern mentions(List<String> needles) {
    String alternatives =
        String.join(
            "|",
            needles.stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .toList());
    return Pattern.compile(
        "(?<=^|[^\\p{L}\\p{N}_])(?:" + alternatives + ")(?=$|[^\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** A time column's epoch milliseconds as an ISO instant, other values as they are. */
  private static Object readable(String column, Object value) {
    boolean time =
        column.endsWith("_at")
            || column.endsWith("_until")
            || column.equals("not_before")
            || column.equals("remind_on");
    if (time && value instanceof Number n && n.longValue() > 100_000_000_000L) {
      return Instant.ofEpochMilli(n.longValue()).toString();
    }
    return value;
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    Expanded expanded = expand(sql);
    PreparedStatement ps = connection.prepareStatement(expanded.sql);
    for (int i = 0; i < expanded.values.size(); i++) {
      ps.setObject(i + 1, expanded.values.get(i));
    }
    return ps;
  }

  private record Expanded(String sql, List<Object> values) {}

  /** The placeholders of {@link PersonalData} as JDBC parameters. */
  private Expanded expand(String sql) {
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    List<Object> values = new ArrayList<>();
    while (m.find()) {
      m.appendReplacement(out, "?");
      values.add(
          switch (m.group(1)) {
            case "member" -> person.memberId();
            case "user" -> person.userId();
            case "userLike" -> "%" + person.userId() + "%";
            case "email" -> person.email();
            case "workspace" -> person.workspaceId();
            case "name" -> person.displayName();
            default -> throw new IllegalStateException(m.group(1));
          });
    }
    m.appendTail(out);
    return new Expanded(out.toString(), values);
  }
}
