package io.tandem.app.web;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.core.store.Database;
import io.tandem.core.store.OutboxQueries;
import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: whether this instance can do its work. 200 with {@code "status": "ok"} when
 * the database answers and the scheduler runs; 503 with {@code "status": "down"} otherwise. The
 * outbox figures are information, not a verdict (a long queue under a rate limit is healthy).
 */
public final class HealthEndpoint implements HttpHandler {

  /** How long the database may take to prove it is there. */
  private static final int DATABASE_TIMEOUT_SECONDS = 2;

  private final Database db;
  private final OutboxQueries outbox;
  private final BooleanSupplier schedulerRunning;
  private final Clock clock;

  public HealthEndpoint(Database db, BooleanSupplier schedulerRunning, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.outbox = new OutboxQueries(db);
    this.schedulerRunning = Objects.requireNonNull(schedulerRunning, "schedulerRunning");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (WebServer.refusedUnlessGet(exchange)) {
      return;
    }
    JsonObject health = check();
    boolean ok = "ok".equals(health.get("status").getAsString());
    WebServer.send(
        exchange, ok ? 200 : 503, "application/json; charset=utf-8", health.toString() + "\n");
  }

  JsonObject check() {
    boolean database = databaseAnswers();
    boolean scheduler = schedulerRunning.getAsBoolean();
    JsonObject health = new JsonObject();
    health.addProperty("status", database && scheduler ? "ok" : "down");
    health.addProperty("database", database ? "up" : "down");
    health.addProperty("scheduler", scheduler ? "running" : "stopped");
    if (database) {
      try {
        OutboxQueries.Backlog backlog = outbox.backlog();
        health.addProperty("outboxDepth", backlog.queued());
        health.addProperty("outboxDead", backlog.dead());
        health.addProperty(
            "outboxOldestQueuedSeconds",
            backlog
                .oldestQueued()
                .map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds()))
                .orElse(0L));
      } catch (RuntimeException e) {
        health.addProperty("outboxDepth", (Number) null);
      }
    }
    return health;
  }

  private boolean databaseAnswers() {
    try (Connection connection = db.dataSource().getConnection()) {
      return connection.isValid(DATABASE_TIMEOUT_SECONDS);
    } catch (Exception e) {
      return false;
    }
  }
}
