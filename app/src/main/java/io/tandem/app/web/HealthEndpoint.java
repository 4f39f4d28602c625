package io.tandem.app.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.core.delivery.persistence.OutboxQueries;
import io.tandem.core.store.Database;
import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The health endpoints, for operators and orchestrators:
 *
 * <ul>
 *   <li>{@code GET /health}: whether this instance can do its work. 200 with {@code "status": "ok"}
 *       when the database answers and the scheduler runs; 503 with {@code "status": "down"}
 *       otherwise. The outbox figures are information, not a verdict (a long queue under a rate
 *       limit is healthy).
 *   <li>{@code GET /health/live} ({@link #live()}): the process is up and serving HTTP; always 200.
 *       A liveness probe that restarts on anything more would restart Tandem for a database outage.
 *   <li>{@code GET /health/ready} ({@link #ready()}): whether to send this instance work. 200 when
 *       the database answers, the scheduler runs and every platform connection is up, and Tandem is
 *       not stopping; 503 otherwise, with {@code "reasons"} saying what is not.
 * </ul>
 */
public final class HealthEndpoint implements HttpHandler {

  private static final String JSON = "application/json; charset=utf-8";

  /** How long the database may take to prove it is there. */
  private static final int DATABASE_TIMEOUT_SECONDS = 2;

  private final Database db;
  private final OutboxQueries outbox;
  private final BooleanSupplier schedulerRunning;
  private final Clock clock;
  private final Supplier<Map<String, BooleanSupplier>> platforms;
  private final BooleanSupplier stopping;

  /**
   * @param platforms each platform connection by name ({@code slack}, {@code discord}), asked on
   *     every readiness check
   * @param stopping whether Tandem has begun to stop (then it is not ready, so that load balancers
   *     take it out before it refuses requests)
   */
  public HealthEndpoint(
      Database db,
      BooleanSupplier schedulerRunning,
      Supplier<Map<String, BooleanSupplier>> platforms,
      BooleanSupplier stopping,
      Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.outbox = new OutboxQueries(db);
    this.schedulerRunning = Objects.requireNonNull(schedulerRunning, "schedulerRunning");
    this.platforms = Objects.requireNonNull(platforms, "platforms");
    this.stopping = Objects.requireNonNull(stopping, "stopping");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@code GET /health/live}: 200 {@code {"status":"up"}} while the process serves HTTP. */
  public HttpHandler live() {
    return exchange -> {
      if (WebServer.refusedUnlessGet(exchange)) {
        return;
      }
      WebServer.send(exchange, 200, JSON, "{\"status\":\"up\"}\n");
    };
  }

  /** {@code GET /health/ready}: 200 when ready for work, else 503 with the reasons. */
  public HttpHandler ready() {
    return exchange -> {
      if (WebServer.refusedUnlessGet(exchange)) {
        return;
      }
      JsonObject readiness = readiness();
      boolean ready = "ready".equals(readiness.get("status").getAsString());
      WebServer.send(exchange, ready ? 200 : 503, JSON, readiness + "\n");
    };
  }

  JsonObject readiness() {
    List<String> reasons = new ArrayList<>();
    JsonObject body = new JsonObject();
    boolean database = databaseAnswers();
    body.addProperty("database", database ? "up" : "down");
    if (!database) {
      reasons.add("the database does not answer");
    }
    boolean scheduler = schedulerRunning.getAsBoolean();
    body.addProperty("scheduler", scheduler ? "running" : "stopped");
    if (!scheduler) {
      reasons.add("the scheduler is not running");
    }
    platforms
        .get()
        .forEach(
            (name, connected) -> {
              boolean up = connected.getAsBoolean();
              body.addProperty(name, up ? "up" : "down");
              if (!up) {
                reasons.add(name + " is not connected");
              }
            });
    if (stopping.getAsBoolean()) {
      reasons.add("Tandem is stopping");
    }
    JsonObject out = new JsonObject();
    out.addProperty("status", reasons.isEmpty() ? "ready" : "not ready");
    if (!reasons.isEmpty()) {
      JsonArray list = new JsonArray();
      reasons.forEach(list::add);
      out.add("reasons", list);
    }
    body.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
    return out;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (WebServer.refusedUnlessGet(exchange)) {
      return;
    }
    JsonObject health = check();
    boolean ok = "ok".equals(health.get("status").getAsString());
    WebServer.send(exchange, ok ? 200 : 503, JSON, health.toString() + "\n");
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
