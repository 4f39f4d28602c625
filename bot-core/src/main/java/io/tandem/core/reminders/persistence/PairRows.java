package io.tandem.core.reminders.persistence;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.matching.Pair;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.reminders.PairPeople;
import io.tandem.core.store.Store;
import jakarta.persistence.PersistenceException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * The active pairs of running programs a reminder pass plans from, with their program, workspace,
 * both participants and members, session count and latest session, read in one plain JDBC query for
 * up to a thousand pairs, in the caller's transaction. The entities are built through the
 * persistence unit's own column mappings but are not managed: changing them changes nothing.
 *
 * <p>Each pair comes with a snapshot of every stored column it was built from: equal snapshots of
 * one pair taken in two transactions mean nothing it is planned from changed meanwhile. The
 * entities are built from the snapshot when first asked for, in the same transaction: a pass that
 * reads a pair again only to see that it is unchanged builds nothing.
 */
public final class PairRows {

  /** A pair as it is stored, and the stored values it is built from. */
  public static final class Row {
    private final PairRows rows;
    private final List<Object> snapshot;
    private PairPeople people;

    private Row(PairRows rows, List<Object> snapshot) {
      this.rows = rows;
      this.snapshot = snapshot;
    }

    /** The pair with its people, built on the first call (in the transaction that read it). */
    public PairPeople people() {
      if (people == null) {
        people = rows.people(snapshot);
      }
      return people;
    }

    /** Every stored value the pair is built from, in column order. */
    public List<Object> snapshot() {
      return snapshot;
    }
  }

  private static final String SESSIONS =
      " (SELECT COUNT(*) FROM mentoring_session s WHERE s.pair_id = pr.id),"
          + " (SELECT MAX(s.occurred_at) FROM mentoring_session s WHERE s.pair_id = pr.id)";

  private static final String FROM =
      " FROM mentoring_pair pr JOIN program pg ON pg.id = pr.program_id"
          + " JOIN workspace w ON w.id = pr.workspace_id"
          + " JOIN participant a ON a.id = pr.mentor_id JOIN member ma ON ma.id = a.member_id"
          + " JOIN participant b ON b.id = pr.mentee_id JOIN member mb ON mb.id = b.member_id"
          + " WHERE pr.status = ? AND pg.status = ? AND pr.id IN (";

  private final Session session;
  private final Connection connection;
  private final Columns<Pair> pairs;
  private final Columns<Program> programs;
  private final Columns<Workspace> workspaces;
  private final Columns<Participant> participants;
  private final Columns<Member> members;

  private PairRows(Store store) {
    this.session = store.entityManager().unwrap(UnitOfWork.class);
    this.connection = store.entityManager().unwrap(Connection.class);
    this.pairs = new Columns<>(session, Pair.class);
    this.programs = new Columns<>(session, Program.class);
    this.workspaces = new Columns<>(session, Workspace.class);
    this.participants = new Columns<>(session, Participant.class);
    this.members = new Columns<>(session, Member.class);
  }

  /**
   * Those of {@code pairIds} (at most a thousand) that are active in a running program, by program
   * and pair id.
   */
  public static Map<Long, Row> active(Store store, Collection<Long> pairIds) {
    return pairIds.isEmpty() ? new LinkedHashMap<>() : new PairRows(store).read(pairIds);
  }

  private Map<Long, Row> read(Collection<Long> pairIds) {
    List<Long> ids = List.copyOf(pairIds);
    String sql =
        "SELECT "
            + String.join(
                ", ",
                pairs.select("pr"),
                programs.select("pg"),
                workspaces.select("w"),
                participants.select("a"),
                members.select("ma"),
                participants.select("b"),
                members.select("mb"))
            + ","
            + SESSIONS
            + FROM
            + "?,".repeat(ids.size() - 1)
            + "?) ORDER BY pr.program_id, pr.id";
    Map<Long, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, Pair.Status.ACTIVE.name());
      ps.setString(2, ProgramStatus.RUNNING.name());
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(3 + i, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        int id = pairs.index("id");
        while (rs.next()) {
          Row row = new Row(this, values(rs, columns));
          rows.put(((Number) row.snapshot().get(id)).longValue(), row);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not read the pairs", e);
    }
    return rows;
  }

  /**
   * The row's values: every entity column as stored (bytes wrapped, so that equal values are
   * equal), then the session count and the latest session.
   */
  private static List<Object> values(ResultSet rs, int columns) throws SQLException {
    List<Object> values = new ArrayList<>(columns);
    for (int i = 1; i <= columns - 2; i++) {
      Object value = rs.getObject(i);
      values.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
    }
    values.add(rs.getInt(columns - 1));
    long last = rs.getLong(columns);
    values.add(rs.wasNull() ? null : Instant.ofEpochMilli(last));
    return values;
  }

  private PairPeople people(List<Object> values) {
    int[] at = {0};
    Pair pair = pairs.build(values, at);
    Program program = programs.build(values, at);
    Workspace workspace = workspaces.build(values, at);
    Participant mentor = participants.build(values, at);
    Member mentorMember = members.build(values, at);
    Participant mentee = participants.build(values, at);
    Member menteeMember = members.build(values, at);
    return PairPeople.of(
        workspace,
        program,
        pair,
        new PairPeople.Loaded(mentor, mentorMember),
        new PairPeople.Loaded(mentee, menteeMember),
        (Integer) values.get(at[0]),
        (Instant) values.get(at[0] + 1));
  }

  /** An entity's columns, in the order its mappings name them. */
  private static final class Columns<T> {
    private final Session session;
    private final ClassDescriptor descriptor;
    private final List<AbstractDirectMapping> mappings = new ArrayList<>();

    Columns(Session session, Class<T> type) {
      this.session = session;
      this.descriptor = session.getDescriptor(type);
      for (DatabaseMapping mapping : descriptor.getMappings()) {
        if (!(mapping instanceof AbstractDirectMapping direct)) {
          throw new IllegalStateException(type + " maps more than columns: " + mapping);
        }
        mappings.add(direct);
      }
    }

    /** Where among these columns {@code column} is. */
    int index(String column) {
      for (int i = 0; i < mappings.size(); i++) {
        if (mappings.get(i).getField().getName().equalsIgnoreCase(column)) {
          return i;
        }
      }
      throw new IllegalStateException(descriptor.getJavaClass() + " has no column " + column);
    }

    String select(String alias) {
      return mappings.stream()
          .map(m -> alias + "." + m.getField().getName())
          .collect(Collectors.joining(", "));
    }

    /** The entity from {@code values[at…]}; moves {@code at} past its columns. */
    @SuppressWarnings("unchecked")
    T build(List<Object> values, int[] at) {
      Object entity = descriptor.getObjectBuilder().buildNewInstance();
      for (int i = 0; i < mappings.size(); i++) {
        AbstractDirectMapping mapping = mappings.get(i);
        Object value = values.get(at[0] + i);
        if (value instanceof ByteBuffer bytes) {
          value = bytes.array();
        }
        Class<?> type = mapping.getField().getType();
        Object stored =
            value == null || type == null
                ? value
                : session.getDatasourcePlatform().convertObject(value, type);
        mapping.setAttributeValueInObject(entity, mapping.getObjectValue(stored, session));
      }
      at[0] += mappings.size();
      return (T) entity;
    }
  }
}
