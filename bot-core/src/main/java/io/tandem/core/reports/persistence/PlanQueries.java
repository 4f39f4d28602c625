package io.tandem.core.reports.persistence;

import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mentoring guide measures besides sessions: tasks set and done, how useful people rated
 * their sessions, and the program's events over time. Like {@link ReportQueries}, each method is
 * one {@code GROUP BY} over an index range of one program (the pairs of the program for tasks, the
 * program's sessions for ratings, the program's signals by time for events), never a scan of a
 * whole table.
 */
public final class PlanQueries {

  static final String TASKS_BY_PAIR =
      "SELECT t.pair_id,"
          + " SUM(CASE WHEN t.created_at >= ? THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN t.done_at >= ? AND t.done_at < ? THEN 1 ELSE 0 END)"
          + " FROM mentoring_pair p JOIN goal_task t ON t.pair_id = p.id"
          + " WHERE p.program_id = ? AND t.created_at < ?"
          + " GROUP BY t.pair_id";

  static final String USEFULNESS_BY_PAIR =
      "SELECT s.pair_id, COUNT(n.usefulness), SUM(n.usefulness)"
          + " FROM mentoring_session s JOIN session_note n ON n.session_id = s.id"
          + " WHERE s.program_id = ? AND s.pair_id IS NOT NULL AND s.occurred_at >= ?"
          + " AND s.occurred_at < ? AND n.usefulness IS NOT NULL"
          + " GROUP BY s.pair_id";

  static String signalsBySlot(int kinds) {
    return "SELECT (occurred_at - ?) / ? AS slot, type, COUNT(*) FROM signal"
        + " WHERE program_id = ? AND occurred_at >= ? AND occurred_at < ? AND type IN ("
        + String.join(", ", Collections.nCopies(kinds, "?"))
        + ") GROUP BY 1, 2";
  }

  private final SqlRows sql;

  private PlanQueries(EntityManager em) {
    this.sql = new SqlRows(em.unwrap(Connection.class));
  }

  /** The queries on the connection of the store's transaction. */
  public static PlanQueries in(Store store) {
    return new PlanQueries(store.entityManager());
  }

  /** Per pair: tasks set in {@code [from, to)} and tasks done in it, in that order. */
  public Map<Long, long[]> tasksByPair(long programId, Instant from, Instant to) {
    Map<Long, long[]> byPair = new HashMap<>();
    sql.forEachRow(
        TASKS_BY_PAIR,
        List.of(
            from.toEpochMilli(),
            from.toEpochMilli(),
            to.toEpochMilli(),
            programId,
            to.toEpochMilli()),
        rs -> byPair.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}));
    return byPair;
  }

  /**
   * Per pair: how many usefulness ratings (1–5) its people gave the sessions of {@code [from, to)}
   * and their sum, in that order.
   */
  public Map<Long, long[]> usefulnessByPair(long programId, Instant from, Instant to) {
    Map<Long, long[]> byPair = new HashMap<>();
    sql.forEachRow(
        USEFULNESS_BY_PAIR,
        List.of(programId, from.toEpochMilli(), to.toEpochMilli()),
        rs -> byPair.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}));
    return byPair;
  }

  /**
   * Signals of the given kinds in {@code [from, to)}, per slot of {@code slotMillis} counted from
   * {@code origin} and kind: slot → kind → count.
   */
  public Map<Long, Map<String, Long>> signalsBySlot(
      long programId,
      Instant origin,
      long slotMillis,
      Instant from,
      Instant to,
      List<String> kinds) {
    Map<Long, Map<String, Long>> bySlot = new HashMap<>();
    List<Object> params =
        new ArrayList<>(
            List.of(
                origin.toEpochMilli(),
                slotMillis,
                programId,
                from.toEpochMilli(),
                to.toEpochMilli()));
    params.addAll(kinds);
    sql.forEachRow(
        signalsBySlot(kinds.size()),
        params,
        rs ->
            bySlot
                .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .merge(rs.getString(2), rs.getLong(3), Long::sum));
    return bySlot;
  }

  /**
   * What changed at work, in owners' words, for the program's goals done in {@code [from, to)}:
   * sorted by text, so the order tells nothing about who or when.
   */
  public List<String> outcomes(long programId, Instant from, Instant to) {
    List<String> outcomes = new ArrayList<>();
    sql.forEachRow(
        "SELECT outcome_text FROM goal WHERE program_id = ? AND done_at >= ? AND done_at < ?"
            + " AND outcome_text IS NOT NULL AND outcome_text <> ''",
        List.of(programId, from.toEpochMilli(), to.toEpochMilli()),
        rs -> outcomes.add(rs.getString(1)));
    Collections.sort(outcomes);
    return outcomes;
  }
}
