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
 * one pair taken in two transactions mean nothing it is planned from changed meanwhile.
 */
public final class PairRows {

  /** A pair as it is stored, and the stored values it was built from. */
  public record Row(PairPeople people, List<Object> snapshot) {}

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
        while (rs.next()) {
          Row row = row(rs);
          rows.put(row.people().pair().getId(), row);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not read the pairs", e);
    }
    return rows;
  }

  private Row row(ResultSet rs) throws SQLException {
    Cursor cursor = new Cursor(rs);
    Pair pair = cursor.next(pairs);
    Program program = cursor.next(programs);
    Workspace workspace = cursor.next(workspaces);
    Participant mentor = cursor.next(participants);
    Member mentorMember = cursor.next(members);
    Participant mentee = cursor.next(participants);
    Member menteeMember = cursor.next(members);
    int sessions = rs.getInt(cursor.column);
    long last = rs.getLong(cursor.column + 1);
    Instant lastSession = rs.wasNull() ? null : Instant.ofEpochMilli(last);
    cursor.snapshot.add(sessions);
    cursor.snapshot.add(lastSession);
    return new Row(
        PairPeople.of(
            workspace,
            program,
            pair,
            new PairPeople.Loaded(mentor, mentorMember),
            new PairPeople.Loaded(mentee, menteeMember),
            sessions,
            lastSession),
        cursor.snapshot);
  }

  /** Where in a row the next entity's columns start, and the values read so far. */
  private static final class Cursor {
    private final ResultSet rs;
    private final List<Object> snapshot = new ArrayList<>();
    private int column = 1;

    Cursor(ResultSet rs) {
      this.rs = rs;
    }

    <T> T next(Columns<T> columns) throws SQLException {
      T entity = columns.build(rs, column, snapshot);
      column += columns.size();
      return entity;
    }
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

    int size() {
      return mappings.size();
    }

    String select(String alias) {
      return mappings.stream()
          .map(m -> alias + "." + m.getField().getName())
          .collect(Collectors.joining(", "));
    }

    /** The entity from columns {@code from…}, each value added to {@code snapshot} as read. */
    @SuppressWarnings("unchecked")
    T build(ResultSet rs, int from, List<Object> snapshot) throws SQLException {
      Object entity = descriptor.getObjectBuilder().buildNewInstance();
      for (int i = 0; i < mappings.size(); i++) {
        AbstractDirectMapping mapping = mappings.get(i);
        Object value = rs.getObject(from + i);
        snapshot.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
        Class<?> type = mapping.getField().getType();
        Object stored =
            value == null || type == null
                ? value
                : session.getDatasourcePlatform().convertObject(value, type);
        mapping.setAttributeValueInObject(entity, mapping.getObjectValue(stored, session));
      }
      return (T) entity;
    }
  }
}
