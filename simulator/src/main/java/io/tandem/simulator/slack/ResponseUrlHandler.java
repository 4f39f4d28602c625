package io.tandem.simulator.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Serves {@code POST /response/{id}}: the {@code response_url} of slash commands and interactions.
 * Records each posted message; runs on the HTTP server's threads.
 */
final class ResponseUrlHandler implements HttpHandler {
  private final SlackSimulator simulator;

  ResponseUrlHandler(SlackSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/response/".length());
    if (!"POST".equals(exchange.getRequestMethod()) || id.isEmpty() || id.contains("/")) {
      HttpExchanges.json(exchange, 404, WebApiHandler.error("invalid_url").toString());
      return;
    }
    JsonElement body = WebApiHandler.parseJson(HttpExchanges.body(exchange));
    if (body == null || !body.isJsonObject()) {
      HttpExchanges.json(exchange, 400, WebApiHandler.error("invalid_payload").toString());
      return;
    }
    JsonObject json = body.getAsJsonObject();
    String type = BlockText.string(json, "response_type");
    simulator
        .responseUrls()
        .record(
            new ResponseMessage(
                id, json, type == null ? "ephemeral" : type, simulator.clock().instant()));
    HttpExchanges.json(exchange, 200, "{\"ok\":true}");
  }
}
