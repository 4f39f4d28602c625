package io.tandem.core.reminders.persistence;

import io.tandem.core.guidance.SessionAgendas;
import io.tandem.core.store.Store;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Saves the session agendas a batch of reminders chose ({@code pair_agenda}, one row per pair) with
 * one JDBC batch in the caller's transaction, the transaction that queues the reminders naming
 * them: handing each to the persistence unit made it flush them before the outbox rows were
 * written.
 */
public final class AgendaRows {

  private static final String UPSERT =
      "INSERT INTO pair_agenda (pair_id, workspace_id, agenda, occurrence) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (pair_id) DO UPDATE"
          + " SET agenda = excluded.agenda, occurrence = excluded.occurrence";

  private AgendaRows() {}

  /** Writes each pair's chosen agenda over what it had, in {@code store}'s transaction. */
  public static void save(Store store, List<SessionAgendas.Choice> chosen) {
    if (chosen.isEmpty()) {
      return;
    }
    Connection c = store.entityManager().unwrap(Connection.class);
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (SessionAgendas.Choice choice : chosen) {
        ps.setLong(1, choice.pairId());
        ps.setLong(2, choice.workspaceId());
        ps.setString(3, choice.agenda());
        ps.setString(4, choice.occurrence());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("could not save " + chosen.size() + " agendas", e);
    }
  }
}
