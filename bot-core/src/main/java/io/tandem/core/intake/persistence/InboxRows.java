package io.tandem.core.intake.persistence;

import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code inbox} table (migration V10) in plain JDBC: one short statement per call, because the
 * first one sits on the acknowledgement path. Each public call without an {@link EntityManager}
 * runs in its own transaction; {@link #markDone(EntityManager, String, State, String, Instant)}
 * joins the caller's.
 */
public final class InboxRows {

  /** Where a request is; see V10__inbox.sql. */
  public enum State {
    PENDING,
    DONE,
    ANSWERING,
    ANSWERED
  }

  /** A row as stored. */
  public record Row(
      String deliveryKey,
      Platform platform,
      String kind,
      String request,
      State state,
      String answer,
      Instant receivedAt) {}

  private final Database db;

  public InboxRows(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /** A request to store, as {@link #insertAll} takes it. */
  public record NewRow(
      String deliveryKey, Platform platform, String kind, String request, Instant receivedAt) {}

  /** Stores a new request as PENDING; false when its key is stored already (nothing changes). */
  public boolean insert(
      String deliveryKey, Platform platform, String kind, String request, Instant receivedAt) {
    return insertAll(List.of(new NewRow(deliveryKey, platform, kind, request, receivedAt))).get(0);
  }

  /**
   * Stores new requests as PENDING in one transaction, in order.
   *
   * @return for each, whether it was new (false: its key was stored already, by an earlier call or
   *     earlier in this list; nothing changes)
   */
  public List<Boolean> insertAll(List<NewRow> rows) {
    return writeAll(rows, List.of());
  }

  /** A row to move from one state to another, as {@link #writeAll} takes it. */
  public record Move(String deliveryKey, State from, State to) {}

  /**
   * Stores new requests as PENDING and moves rows between states, all in one transaction: {@code
   * rows} first, in order, then {@code moves}.
   *
   * @return for each row, whether it was new, then for each move whether the row was in its {@code
   *     from} state (nothing changes for the others)
   */
  public List<Boolean> writeAll(List<NewRow> rows, List<Move> moves) {
    return db.inTransaction(
        em ->
            jdbc(
                em,
                c -> {
                  List<Boolean> written = new ArrayList<>(rows.size() + moves.size());
                  if (!rows.isEmpty()) {
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "INSERT INTO inbox (delivery_key, platform, kind, request, state,"
                                + " received_at) VALUES (?, ?, ?, ?, 'PENDING', ?)"
                                + " ON CONFLICT (delivery_key) DO NOTHING")) {
                      for (NewRow row : rows) {
                        ps.setString(1, row.deliveryKey());
                        ps.setString(2, row.platform().name());
                        ps.setString(3, row.kind());
                        ps.setString(4, row.request());
                        ps.setLong(5, row.receivedAt().toEpochMilli());
                        written.add(ps.executeUpdate() == 1);
                      }
                    }
                  }
                  if (!moves.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(MOVE)) {
                      for (Move move : moves) {
                        written.add(move(ps, move.deliveryKey(), move.from(), move.to()));
                      }
                    }
                  }
                  return written;
                }));
  }

  /**
   * Records in the caller's transaction that a PENDING request's effect is made, with its answer.
   *
   * @return false when it was not PENDING (nothing changes)
   */
  public static boolean markDone(
      Store store, String deliveryKey, State state, String answer, Instant now) {
    return markDone(store.entityManager(), deliveryKey, state, answer, now);
  }

  private static boolean markDone(
      EntityManager em, String deliveryKey, State state, String answer, Instant now) {
    return changesOne(
        em,
        "UPDATE inbox SET state = ?, answer = ?, done_at = ?"
            + " WHERE delivery_key = ? AND state = 'PENDING'",
        state.name(),
        answer,
        now.toEpochMilli(),
        deliveryKey);
  }

  /** Runs one statement with {@code parameters}; whether it changed exactly one row. */
  private static boolean changesOne(EntityManager em, String sql, Object... parameters) {
    return jdbc(
        em,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Stores a request whose effect this transaction makes, already in {@code state} with its answer:
   * the one write of a request answered as it arrives, in the caller's transaction.
   *
   * @return false when its key is stored already (nothing changes; the caller rolls back)
   */
  public static boolean insertDone(
      Store store, NewRow row, State state, String answer, Instant now) {
    return changesOne(
        store.entityManager(),
        "INSERT INTO inbox (delivery_key, platform, kind, request, state, answer, received_at,"
            + " done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_key) DO NOTHING",
        row.deliveryKey(),
        row.platform().name(),
        row.kind(),
        row.request(),
        state.name(),
        answer,
        row.receivedAt().toEpochMilli(),
        now.toEpochMilli());
  }

  /** {@link #insertDone(Store, NewRow, State, String, Instant)} in a transaction of its own. */
  public boolean insertDone(NewRow row, State state, String answer, Instant now) {
    return db.transaction(store -> insertDone(store, row, state, answer, now));
  }

  /** {@link #markDone(Store, String, State, String, Instant)} in a transaction of its own. */
  public boolean markDone(String deliveryKey, State state, String answer, Instant now) {
    return db.inTransaction(em -> markDone(em, deliveryKey, state, answer, now));
  }

  /**
   * Moves a row from {@code from} to {@code to} in the caller's transaction.
   *
   * @return false when it was not in {@code from} (nothing changes)
   */
  public static boolean move(Store store, String deliveryKey, State from, State to) {
    return move(store.entityManager(), deliveryKey, from, to);
  }

  private static boolean move(EntityManager em, String deliveryKey, State from, State to) {
    return jdbc(
        em,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(MOVE)) {
            return move(ps, deliveryKey, from, to);
          }
        });
  }

  private static final String MOVE =
      "UPDATE inbox SET state = ? WHERE delivery_key = ? AND state = ?";

  private static boolean move(PreparedStatement ps, String deliveryKey, State from, State to)
      throws SQLException {
    ps.setString(1, to.name());
    ps.setString(2, deliveryKey);
    ps.setString(3, from.name());
    return ps.executeUpdate() == 1;
  }

  /** {@link #move(Store, String, State, State)} in a transaction of its own. */
  public boolean move(String deliveryKey, State from, State to) {
    return db.inTransaction(em -> move(em, deliveryKey, from, to));
  }

  public Optional<Row> find(String deliveryKey) {
    List<Row> rows =
        select("SELECT " + COLUMNS + " FROM inbox WHERE delivery_key = ?", deliveryKey);
    return rows.stream().findFirst();
  }

  /**
   * Requests received before {@code before} whose effect or answer is still to come (PENDING and
   * DONE), oldest first.
   */
  public List<Row> unfinishedBefore(Instant before) {
    return select(
        "SELECT "
            + COLUMNS
            + " FROM inbox WHERE state IN ('PENDING', 'DONE') AND received_at < ?"
            + " ORDER BY received_at, delivery_key",
        before.toEpochMilli());
  }

  /** How many rows are in {@code state}. */
  public long count(State state) {
    return db.inTransaction(
        em ->
            jdbc(
                em,
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement("SELECT COUNT(*) FROM inbox WHERE state = ?")) {
                    ps.setString(1, state.name());
                    try (ResultSet rs = ps.executeQuery()) {
                      return rs.next() ? rs.getLong(1) : 0L;
                    }
                  }
                }));
  }

  /**
   * Forgets finished requests received before {@code before}: a platform retries or replays within
   * minutes, so their keys are no longer needed to recognise a repeat.
   */
  public int forgetFinishedBefore(Instant before) {
    return db.inTransaction(
        em ->
            jdbc(
                em,
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "DELETE FROM inbox WHERE state IN ('ANSWERING', 'ANSWERED')"
                              + " AND received_at < ?")) {
                    ps.setLong(1, before.toEpochMilli());
                    return ps.executeUpdate();
                  }
                }));
  }

  private static final String COLUMNS =
      "delivery_key, platform, kind, request, state, answer, received_at";

  private List<Row> select(String sql, Object... parameters) {
    return db.inTransaction(
        em ->
            jdbc(
                em,
                c -> {
                  try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                      ps.setObject(i + 1, parameters[i]);
                    }
                    List<Row> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        rows.add(
                            new Row(
                                rs.getString(1),
                                Platform.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                State.valueOf(rs.getString(5)),
                                rs.getString(6),
                                Instant.ofEpochMilli(rs.getLong(7))));
                      }
                    }
                    return rows;
                  }
                }));
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private static <T> T jdbc(EntityManager em, SqlWork<T> work) {
    try {
      return work.run(em.unwrap(Connection.class));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read or update the inbox", e);
    }
  }
}
