package io.tandem.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.core.delivery.persistence.OutboxQueries;
import io.tandem.core.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /metrics}: {@link PrometheusMetrics} in the text exposition format, with the outbox
 * gauges read from the database at scrape time ({@link OutboxQueries#backlog()}: two index range
 * scans whose cost follows the backlog, not the history).
 */
public final class MetricsEndpoint implements HttpHandler {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMetrics metrics;
  private final OutboxQueries outbox;
  private final Clock clock;

  public MetricsEndpoint(PrometheusMetrics metrics, Database db, Clock clock) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.outbox = new OutboxQueries(db);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (WebServer.refusedUnlessGet(exchange)) {
      return;
    }
    OutboxQueries.Backlog backlog = outbox.backlog();
    Map<String, Long> byState = new LinkedHashMap<>();
    byState.put("queued", backlog.queued());
    byState.put("dead", backlog.dead());
    double oldest =
        backlog
            .oldestQueued()
            .map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0))
            .orElse(0.0);
    WebServer.send(
        exchange,
        200,
        CONTENT_TYPE,
        metrics.write(new PrometheusMetrics.OutboxGauges(byState, oldest)));
  }
}
