package io.tandem.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.tandem.core.kernel.DaemonThreads;
import io.tandem.core.kernel.SetupFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem's one HTTP server ({@code http.bind-address:http.port}): the dashboard, {@code /health},
 * {@code /metrics}, and Slack's {@code /slack/events} in Slack HTTP mode. The JDK's server, on a
 * small pool of daemon threads; nothing here needs more.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** Threads serving requests; Slack's events share them with the pages. */
  private static final int THREADS = 16;

  private final HttpServer server;
  private final ExecutorService executor;

  private WebServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code bindAddress:port} (0 picks a free port) and answers 404 to every path until
   * routes are added.
   *
   * @throws SetupFailure when another program has the port, or the address is not this machine's
   * @throws UncheckedIOException with a message naming the address when it cannot listen there for
   *     another reason
   */
  public static WebServer start(String bindAddress, int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
    } catch (BindException e) {
      throw cannotListen(bindAddress, port, e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Tandem cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(THREADS, DaemonThreads.numbered("tandem-http-"));
    server.setExecutor(executor);
    server.createContext("/", exchange -> notFound(exchange));
    server.start();
    WebServer web = new WebServer(server, executor);
    LOG.info("HTTP server listening on {}", web.baseUrl());
    return web;
  }

  private static SetupFailure cannotListen(String bindAddress, int port, BindException e) {
    String where = bindAddress + ":" + port;
    if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("in use")) {
      return SetupFailure.of(
          SetupFailure.Kind.PORT_IN_USE,
          "Tandem cannot listen on " + where + ": another program already uses port " + port,
          "another Tandem (or another web server) is running on this machine",
          "Stop the other program (e.g. find it with: lsof -i :"
              + port
              + "), or give Tandem another port with http.port in tandem.yml",
          e);
    }
    return SetupFailure.of(
        SetupFailure.Kind.CONFIG,
        "Tandem cannot listen on " + where + ": " + e.getMessage(),
        "http.bind-address is not an address of this machine",
        "Set http.bind-address to 0.0.0.0 (every address), 127.0.0.1 (this machine only) or one of"
            + " this machine's addresses",
        e);
  }

  /** Serves {@code path} and everything below it with {@code handler}. */
  public WebServer route(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            handler.handle(exchange);
          } catch (IOException | RuntimeException e) {
            LOG.warn(
                "{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            try {
              send(exchange, 500, "text/plain; charset=utf-8", "Tandem could not answer this.");
            } catch (IOException | RuntimeException ignored) {
              // the response was already under way; nothing more to say
            }
          }
        });
    return this;
  }

  /** The JDK server, for adapters that add their own endpoint (Slack in HTTP mode). */
  public HttpServer httpServer() {
    return server;
  }

  /** {@code http://host:port/} as the server listens. */
  public URI baseUrl() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
    return URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    try (exchange) {
      send(exchange, 404, "text/plain; charset=utf-8", "Not found.");
    }
  }

  /**
   * Answers 405 to anything but GET and HEAD (every page and endpoint here only reads); true when
   * it did, and the handler has nothing left to do.
   */
  static boolean refusedUnlessGet(HttpExchange exchange) throws IOException {
    if ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod())) {
      return false;
    }
    send(exchange, 405, "text/plain; charset=utf-8", "GET only");
    return true;
  }

  /** Sends a whole response. */
  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops listening at once and ends the worker threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
