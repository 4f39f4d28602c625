package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.sun.net.httpserver.HttpExchange;
import io.tandem.simulator.http.LoopbackHttpServer;
import io.tandem.simulator.http.MultipartForm;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST half of the simulated Discord, on the JDK HTTP server. Routes are matched against
 * Discord's route templates; every request is recorded with its template, so tests can wait on
 * "POST interactions/{id}/{token}/callback" without knowing ids.
 */
final class DiscordRest {
  static final String PREFIX = "/api/v10/";
  private static final Logger LOG = LoggerFactory.getLogger(DiscordRest.class);

  /** Routes in match order (literal segments before placeholders). */
  private static final List<String> ROUTES =
      List.of(
          "GET users/@me",
          "POST users/@me/channels",
          "GET gateway",
          "GET gateway/bot",
          "GET applications/@me",
          "GET oauth2/applications/@me",
          "GET applications/{application_id}/commands",
          "PUT applications/{application_id}/commands",
          "POST applications/{application_id}/commands",
          "GET applications/{application_id}/guilds/{guild_id}/commands",
          "PUT applications/{application_id}/guilds/{guild_id}/commands",
          "POST applications/{application_id}/guilds/{guild_id}/commands",
          "POST interactions/{id}/{token}/callback",
          "POST webhooks/{application_id}/{token}",
          "GET webhooks/{application_id}/{token}/messages/{message_id}",
          "PATCH webhooks/{application_id}/{token}/messages/{message_id}",
          "DELETE webhooks/{application_id}/{token}/messages/{message_id}",
          "POST channels/{channel_id}/messages");

  private final DiscordSimulator discord;
  private final LoopbackHttpServer server;

  DiscordRest(DiscordSimulator discord) throws IOException {
    this.discord = discord;
    this.server = LoopbackHttpServer.start("discord-sim-rest", Map.of("/", this::handle));
  }

  URI baseUrl() {
    return URI.create(server.baseUri() + PREFIX.substring(1));
  }

  void stop() {
    server.close();
  }

  /** One request as received, with the route template it matched ("?" when none). */
  private record Request(
      HttpExchange exchange,
      String method,
      String route,
      String path,
      String query,
      JsonElement body) {}

  private void handle(HttpExchange exchange) throws IOException {
    HeldUntilRecorded.begin();
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String fullPath = exchange.getRequestURI().getRawPath();
      String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonElement body = parseBody(exchange, raw);
      if (!fullPath.startsWith(PREFIX)) {
        answer(new Request(exchange, method, "?", fullPath, query, body), 404, notFound(), null);
        return;
      }
      String path = fullPath.substring(PREFIX.length());
      String route = match(method, path);
      Request request =
          new Request(exchange, method, route == null ? "?" : route, path, query, body);
      if (route == null) {
        answer(request, 404, notFound(), null);
      } else if (!refused(request)) {
        serve(request, raw);
      }
    } catch (RuntimeException e) {
      LOG.warn("Simulated Discord failed to answer {}", exchange.getRequestURI().getRawPath(), e);
    } finally {
      HeldUntilRecorded.release();
    }
  }

  /** Answers what Discord refuses before serving: a wrong token, a rate limit, a second ack. */
  private boolean refused(Request request) throws IOException {
    if (needsBotToken(request.route())
        && !("Bot " + discord.botToken())
            .equals(request.exchange().getRequestHeaders().getFirst("Authorization"))) {
      answer(request, 401, error("401: Unauthorized", 0), null);
      return true;
    }
    Optional<Duration> limited = discord.takeRateLimit(request.method(), request.route());
    if (limited.isPresent()) {
      answer(request, 429, rateLimited(limited.get()), limited.get());
      return true;
    }
    String[] parts = request.path().split("/");
    if (request.route().equals("interactions/{id}/{token}/callback")
        && discord.interactions().isAcknowledged(parts[1])) {
      // what Discord answers a second response to one interaction, e.g. to a replayed dispatch
      answer(request, 400, error("Interaction has already been acknowledged.", 40060), null);
      return true;
    }
    return false;
  }

  private void serve(Request request, byte[] raw) throws IOException {
    String type = request.exchange().getRequestHeaders().getFirst("Content-Type");
    List<MultipartForm.Part> files =
        MultipartForm.isMultipart(type) ? MultipartForm.files(type, raw) : List.of();
    String[] parts = request.path().split("/");
    JsonElement result = route(request.method(), request.route(), parts, request.body(), files);
    if (result == null) {
      answer(request, 404, error("Unknown interaction", 10062), null);
    } else if (result.isJsonNull()) {
      answer(request, 204, null, null);
    } else {
      answer(request, 200, result, null);
    }
  }

  /** Returns the answer body, JsonNull for 204, or null for "unknown" (404). */
  private JsonElement route(
      String method, String route, String[] p, JsonElement body, List<MultipartForm.Part> files) {
    JsonObject object = body.isJsonObject() ? body.getAsJsonObject() : new JsonObject();
    switch (method + " " + route) {
      case "GET users/@me":
        return discord.json().botUser();
      case "POST users/@me/channels":
        return openDm(Json.string(object, "recipient_id", ""));
      case "GET gateway":
      case "GET gateway/bot":
        return gatewayInfo();
      case "GET applications/@me":
      case "GET oauth2/applications/@me":
        return application();
      case "GET applications/{application_id}/commands":
        return ownApplication(p[1]) ? toArray(discord.commands().registered(null)) : null;
      case "PUT applications/{application_id}/commands":
        return ownApplication(p[1]) ? discord.commands().put(null, asArray(body)) : null;
      case "POST applications/{application_id}/commands":
        return ownApplication(p[1]) ? discord.commands().post(null, object) : null;
      case "GET applications/{application_id}/guilds/{guild_id}/commands":
        return ownApplication(p[1]) ? toArray(discord.commands().registered(p[3])) : null;
      case "PUT applications/{application_id}/guilds/{guild_id}/commands":
        return ownApplication(p[1]) ? discord.commands().put(p[3], asArray(body)) : null;
      case "POST applications/{application_id}/guilds/{guild_id}/commands":
        return ownApplication(p[1]) ? discord.commands().post(p[3], object) : null;
      case "POST interactions/{id}/{token}/callback":
        return discord.responses().callback(p[1], p[2], object);
      case "POST webhooks/{application_id}/{token}":
        return ownApplication(p[1]) ? discord.responses().followUp(p[2], object) : null;
      case "GET webhooks/{application_id}/{token}/messages/{message_id}":
        return ownApplication(p[1]) ? discord.responses().message(p[2], p[4]) : null;
      case "PATCH webhooks/{application_id}/{token}/messages/{message_id}":
        return ownApplication(p[1]) ? discord.responses().edit(p[2], p[4], object) : null;
      case "DELETE webhooks/{application_id}/{token}/messages/{message_id}":
        return ownApplication(p[1]) && discord.responses().delete(p[2], p[4])
            ? JsonNull.INSTANCE
            : null;
      case "POST channels/{channel_id}/messages":
        return discord.messages().createChannelMessage(p[1], object, files);
      default:
        return null;
    }
  }

  /** Answers {@code POST users/@me/channels}; null for someone not in the guild. */
  private JsonObject openDm(String recipientId) {
    Guild guild = discord.guild();
    return guild
        .userById(recipientId)
        .map(user -> discord.json().dmChannel(guild.dmChannel(user), user))
        .orElse(null);
  }

  private boolean ownApplication(String id) {
    return discord.applicationId().equals(id);
  }

  private static boolean needsBotToken(String route) {
    // Interaction callbacks and webhooks are authorised by their token, as on Discord.
    return !route.startsWith("interactions/") && !route.startsWith("webhooks/");
  }

  static String match(String method, String path) {
    String[] actual = path.split("/");
    for (String candidate : ROUTES) {
      int space = candidate.indexOf(' ');
      if (!candidate.substring(0, space).equals(method)) {
        continue;
      }
      String template = candidate.substring(space + 1);
      String[] expected = template.split("/");
      if (expected.length != actual.length) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < expected.length && matches; i++) {
        matches = expected[i].startsWith("{") || expected[i].equals(actual[i]);
      }
      if (matches) {
        return template;
      }
    }
    return null;
  }

  private JsonElement parseBody(HttpExchange exchange, byte[] raw) {
    if (raw.length == 0) {
      return JsonNull.INSTANCE;
    }
    String contentType =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    String text = new String(raw, StandardCharsets.UTF_8);
    try {
      if (MultipartForm.isMultipart(contentType)) {
        return MultipartForm.field(contentType, raw, "payload_json")
            .map(MultipartForm.Part::text)
            .map(Json::parseObject)
            .orElse(null);
      }
      return Json.GSON.fromJson(text, JsonElement.class);
    } catch (JsonParseException e) {
      LOG.warn("Simulated Discord got a body that is not JSON: {}", text);
      return JsonNull.INSTANCE;
    }
  }

  private void answer(Request request, int status, JsonElement answer, Duration retryAfter)
      throws IOException {
    HttpExchange exchange = request.exchange();
    String route = request.route();
    discord.record(
        new RestCall(
            request.method(),
            route,
            request.path(),
            request.query(),
            request.body() == null ? JsonNull.INSTANCE : request.body(),
            status,
            discord.guild().clock.instant()));
    HeldUntilRecorded.release();
    var headers = exchange.getResponseHeaders();
    // JDA treats a 429 without "Via" as a Cloudflare ban on every route.
    headers.add("Via", "1.1 google");
    String bucket = Integer.toHexString(route.hashCode());
    long resetEpochSecond = discord.guild().clock.instant().getEpochSecond() + 1;
    if (retryAfter != null) {
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      headers.add("X-RateLimit-Limit", "5");
      headers.add("X-RateLimit-Remaining", "0");
      headers.add("X-RateLimit-Reset", (resetEpochSecond - 1 + seconds) + ".000");
      headers.add(
          "X-RateLimit-Reset-After",
          String.format(Locale.ROOT, "%.3f", retryAfter.toMillis() / 1000.0));
      headers.add("X-RateLimit-Bucket", bucket);
      headers.add("X-RateLimit-Scope", "user");
      headers.add("Retry-After", Long.toString(seconds));
    } else if (!route.equals("?")) {
      headers.add("X-RateLimit-Limit", "50");
      headers.add("X-RateLimit-Remaining", "49");
      headers.add("X-RateLimit-Reset", resetEpochSecond + ".000");
      headers.add("X-RateLimit-Reset-After", "1.000");
      headers.add("X-RateLimit-Bucket", bucket);
    }
    if (answer == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = Json.GSON.toJson(answer).getBytes(StandardCharsets.UTF_8);
    headers.add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static JsonObject rateLimited(Duration retryAfter) {
    JsonObject body = new JsonObject();
    body.addProperty("message", "You are being rate limited.");
    body.addProperty("retry_after", retryAfter.toMillis() / 1000.0);
    body.addProperty("global", false);
    return body;
  }

  private static JsonObject notFound() {
    return error("404: Not Found", 0);
  }

  private static JsonObject error(String message, int code) {
    JsonObject body = new JsonObject();
    body.addProperty("message", message);
    body.addProperty("code", code);
    return body;
  }

  private JsonObject gatewayInfo() {
    JsonObject info = new JsonObject();
    info.addProperty("url", discord.gatewayUrl().toString());
    info.addProperty("shards", 1);
    JsonObject limit = new JsonObject();
    limit.addProperty("total", 1000);
    limit.addProperty("remaining", 1000);
    limit.addProperty("reset_after", 0);
    limit.addProperty("max_concurrency", 1);
    info.add("session_start_limit", limit);
    return info;
  }

  private JsonObject application() {
    JsonObject app = new JsonObject();
    app.addProperty("id", discord.applicationId());
    app.addProperty("name", Json.string(discord.json().botUser(), "username", "Tandem"));
    app.add("icon", JsonNull.INSTANCE);
    app.addProperty("description", "");
    app.addProperty("bot_public", false);
    app.addProperty("bot_require_code_grant", false);
    app.addProperty("verify_key", "0".repeat(64));
    app.addProperty("flags", 0);
    app.add("bot", discord.json().botUser());
    app.add("tags", new JsonArray());
    return app;
  }

  private static JsonArray asArray(JsonElement body) {
    return body != null && body.isJsonArray() ? body.getAsJsonArray() : new JsonArray();
  }

  private static JsonArray toArray(List<JsonObject> objects) {
    JsonArray array = new JsonArray();
    objects.forEach(array::add);
    return array;
  }
}
