package io.tandem.core.reminders.persistence;

import io.tandem.core.kernel.Signal;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * Writes new signals at once with one JDBC batch in the caller's transaction, with ids from the
 * same generator as {@code em.persist}: the reminder pass records thousands in one firing.
 */
public final class SignalInserts {

  private static final String INSERT =
      "INSERT INTO signal (id, workspace_id, type, actor_member_id, program_id, participant_id,"
          + " pair_id, occurred_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private SignalInserts() {}

  /** Inserts {@code signals} (new ones) now, in {@code store}'s transaction. */
  public static void insert(Store store, List<Signal> signals) {
    if (signals.isEmpty()) {
      return;
    }
    EntityManager em = store.entityManager();
    UnitOfWork uow = em.unwrap(UnitOfWork.class);
    Connection c = em.unwrap(Connection.class);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (Signal signal : signals) {
        ps.setLong(1, uow.getNextSequenceNumberValue(Signal.class).longValue());
        ps.setLong(2, signal.getWorkspaceId());
        ps.setString(3, signal.getType().name());
        setLong(ps, 4, signal.getActorMemberId());
        setLong(ps, 5, signal.getProgramId());
        setLong(ps, 6, signal.getParticipantId());
        setLong(ps, 7, signal.getPairId());
        ps.setLong(8, signal.getOccurredAt().toEpochMilli());
        ps.setString(9, signal.getDetails());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("could not record " + signals.size() + " signals", e);
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}
