package io.tandem.simulator.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /api/{method}}: reads the arguments, checks the token, applies injected
 * faults, records the call and lets {@link WebApiMethods} answer. Runs on the HTTP server's
 * threads.
 */
final class WebApiHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(WebApiHandler.class);
  private static final String APP_TOKEN_METHOD = "apps.connections.open";

  private final SlackSimulator simulator;
  private final WebApiMethods methods;

  WebApiHandler(SlackSimulator simulator, WebApiMethods methods) {
    this.simulator = simulator;
    this.methods = methods;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (RuntimeException e) {
      log.warn("Slack simulator failed to serve {}", exchange.getRequestURI(), e);
      HttpExchanges.json(exchange, 500, error("internal_error").toString());
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> params =
        new LinkedHashMap<>(Forms.decode(exchange.getRequestURI().getRawQuery()));
    params.putAll(
        arguments(
            exchange.getRequestHeaders().getFirst("Content-Type"), HttpExchanges.body(exchange)));
    String token = bearerToken(exchange).orElse(params.get("token"));
    JsonElement payload = parseJson(params.getOrDefault("view", params.get("blocks")));

    Optional<WebApiMethods.Method> handler = methods.find(method);
    if (handler.isEmpty()) {
      answer(exchange, record(method, params, payload, token, 200), error("unknown_method"));
      return;
    }
    String authError = authError(method, token);
    if (authError != null) {
      answer(exchange, record(method, params, payload, token, 200), error(authError));
      return;
    }
    Optional<String> needed =
        APP_TOKEN_METHOD.equals(method)
            ? Optional.empty()
            : Scopes.required(method, params, simulator.groupDms()::isGroupDm)
                .filter(scope -> !simulator.scopes().grants(scope));
    if (needed.isPresent()) {
      JsonObject refused = error("missing_scope");
      refused.addProperty("needed", needed.get());
      refused.addProperty("provided", simulator.scopes().header());
      answer(exchange, record(method, params, payload, token, 200), refused);
      return;
    }
    Fault fault = simulator.faults().take(method);
    if (fault != null) {
      record(method, params, payload, token, fault.status());
      if (fault.retryAfterSeconds() > 0) {
        exchange
            .getResponseHeaders()
            .set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
      }
      HttpExchanges.json(exchange, fault.status(), fault.body());
      return;
    }
    int retryAfter = simulator.rateLimits().admit(method, params.get("channel"));
    if (retryAfter > 0) {
      record(method, params, payload, token, 429);
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
      HttpExchanges.json(exchange, 429, error("ratelimited").toString());
      return;
    }
    ApiCall call = new ApiCall(method, params, payload, token, 200, simulator.clock().instant());
    // recorded before it is served, so a test that sees its effect also finds the call
    simulator.record(call);
    JsonObject result = handler.get().serve(call);
    answer(exchange, call, result);
  }

  private ApiCall record(
      String method, Map<String, String> params, JsonElement payload, String token, int status) {
    ApiCall call = new ApiCall(method, params, payload, token, status, simulator.clock().instant());
    simulator.record(call);
    return call;
  }

  private void answer(HttpExchange exchange, ApiCall call, JsonObject result) throws IOException {
    if (simulator.botToken().equals(call.token())) {
      exchange.getResponseHeaders().set("x-oauth-scopes", simulator.scopes().header());
    }
    HttpExchanges.json(exchange, 200, result.toString());
  }

  private String authError(String method, String token) {
    if (token == null || token.isBlank()) {
      return "not_authed";
    }
    String expected = APP_TOKEN_METHOD.equals(method) ? simulator.appToken() : simulator.botToken();
    String other = APP_TOKEN_METHOD.equals(method) ? simulator.botToken() : simulator.appToken();
    if (token.equals(expected)) {
      return null;
    }
    return token.equals(other) ? "not_allowed_token_type" : "invalid_auth";
  }

  private static Map<String, String> arguments(String contentType, String body) {
    if (contentType != null && contentType.startsWith("application/json")) {
      Map<String, String> params = new LinkedHashMap<>();
      JsonElement json = parseJson(body);
      if (json != null && json.isJsonObject()) {
        for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
          JsonElement value = member.getValue();
          params.put(
              member.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
        }
      }
      return params;
    }
    return Forms.decode(body);
  }

  private static Optional<String> bearerToken(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).trim());
    }
    return Optional.empty();
  }

  static JsonElement parseJson(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JsonParser.parseString(text);
    } catch (JsonParseException e) {
      return null;
    }
  }

  static JsonObject error(String code) {
    JsonObject error = new JsonObject();
    error.addProperty("ok", false);
    error.addProperty("error", code);
    return error;
  }
}
