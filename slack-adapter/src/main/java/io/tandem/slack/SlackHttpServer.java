package io.tandem.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slack's HTTP transport: one endpoint, {@code POST /slack/events}, handed to {@link App#run}. Bolt
 * checks the signature and the timestamp; a refused request never reaches a handler.
 *
 * <p>Either on a server of its own ({@link #start}) or on the app's HTTP server beside the
 * dashboard, {@code /health} and {@code /metrics} ({@link #attach}), so that one port serves all.
 */
public final class SlackHttpServer implements AutoCloseable {

  static final String EVENTS_PATH = "/slack/events";

  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * @param executor the executor of a server this object started and owns, or {@code null} when it
   *     only added its endpoint to someone else's server
   */
  private SlackHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Adds {@code POST /slack/events} to a running server that someone else owns; {@link #close()}
   * removes the endpoint again and leaves the server running.
   */
  public static SlackHttpServer attach(App app, HttpServer server) {
    app.start();
    SlackRequestParser parser = new SlackRequestParser(app.config());
    server.createContext(EVENTS_PATH, exchange -> handle(app, parser, exchange));
    return new SlackHttpServer(server, null);
  }

  public static SlackHttpServer start(App app, String bindAddress, int port) throws IOException {
    app.start();
    HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
    SlackRequestParser parser = new SlackRequestParser(app.config());
    server.createContext(EVENTS_PATH, exchange -> handle(app, parser, exchange));
    ExecutorService executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.start();
    return new SlackHttpServer(server, executor);
  }

  public String eventsUrl() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort() + EVENTS_PATH;
  }

  private static void handle(App app, SlackRequestParser parser, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain", "POST only");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = exchange.getRequestHeaders();
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(exchange.getRequestURI().getPath())
                  .requestBody(body)
                  .headers(new RequestHeaders(headers))
                  .remoteAddress(exchange.getRemoteAddress().getHostString())
                  .build());
      Response response = app.run(request);
      String contentType =
          response.getContentType() == null ? "text/plain" : response.getContentType();
      send(
          exchange,
          response.getStatusCode(),
          contentType,
          response.getBody() == null ? "" : response.getBody());
    } catch (Exception e) {
      send(exchange, 500, "text/plain", "");
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    if (executor == null) {
      server.removeContext(EVENTS_PATH);
      return;
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
