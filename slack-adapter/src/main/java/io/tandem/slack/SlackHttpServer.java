package io.tandem.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tandem.core.kernel.LogText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP transport: one endpoint, {@code POST /slack/events}, handed to {@link App#run}.
 *
 * <p>Nothing from outside is parsed or logged before it is proven to come from Slack: a body over
 * the configured size gets 413 before it is read in full (by its {@code Content-Length}, else by a
 * bounded read); {@link SlackRequestVerifier} then checks the signature on the raw bytes and the
 * timestamp (401); {@link SlackRequestShape} refuses what Bolt could not classify or read (400).
 * Only then does Bolt parse the request; the App is built without Bolt's own signature check, as
 * every request reaches {@link App#run} through this check. Every request gets an answer, written
 * before the exchange is closed; a failure on our side is a 500 without a body.
 *
 * <p>Either on a server of its own ({@link #start}) or on the app's HTTP server beside the
 * dashboard, {@code /health} and {@code /metrics} ({@link #attach}), so that one port serves all.
 */
public final class SlackHttpServer implements AutoCloseable {

  static final String EVENTS_PATH = "/slack/events";

  private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
  private static final String PLAIN = "text/plain; charset=utf-8";

  /** How much of a refused oversized body is read and dropped before the connection closes. */
  private static final long DISCARD_LIMIT = 16L * 1024 * 1024;

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
  public static SlackHttpServer attach(
      App app, HttpServer server, io.tandem.config.SlackConfig config) {
    app.start();
    server.createContext(EVENTS_PATH, new Endpoint(app, config)::handle);
    return new SlackHttpServer(server, null);
  }

  public static SlackHttpServer start(
      App app, String bindAddress, int port, io.tandem.config.SlackConfig config)
      throws IOException {
    app.start();
    HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
    server.createContext(EVENTS_PATH, new Endpoint(app, config)::handle);
    ExecutorService executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.start();
    return new SlackHttpServer(server, executor);
  }

  public String eventsUrl() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort() + EVENTS_PATH;
  }

  /** An HTTP answer not yet sent. */
  private record Answer(int status, String contentType, String body) {
    static Answer plain(int status, String body) {
      return new Answer(status, PLAIN, body);
    }
  }

  private static final class Endpoint {
    private final App app;
    private final SlackRequestParser parser;
    private final SlackRequestVerifier verifier;
    private final int maxBodyBytes;

    Endpoint(App app, io.tandem.config.SlackConfig config) {
      this.app = app;
      this.parser = new SlackRequestParser(app.config());
      // Slack signs with the real time, whatever time the app's own clock tells (a demo or a test
      // may run it days ahead), so the window is checked against the system clock, as Bolt does.
      this.verifier = new SlackRequestVerifier(config.signingSecret(), Clock.systemUTC());
      this.maxBodyBytes = config.maxRequestBytes();
    }

    void handle(HttpExchange exchange) {
      try {
        Answer answer;
        try {
          answer = answer(exchange);
        } catch (IOException e) {
          // the client went away while sending its request; there is nobody to answer
          return;
        } catch (Exception | StackOverflowError e) {
          LOG.error("Slack request failed: {}", LogText.of(e));
          answer = Answer.plain(500, "");
        }
        send(exchange, answer);
        if (answer.status() == 413) {
          discardRest(exchange);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("Could not send the answer to a Slack request: {}", LogText.of(e));
      } finally {
        exchange.close();
      }
    }

    /**
     * Reads and drops what the client still sends of a refused body, up to {@link #DISCARD_LIMIT}:
     * closing a connection with unread data resets it, and the reset can destroy the answer before
     * the client has read it. Nothing of it is kept.
     */
    private static void discardRest(HttpExchange exchange) throws IOException {
      byte[] buffer = new byte[16 * 1024];
      InputStream in = exchange.getRequestBody();
      long discarded = 0;
      int n;
      while (discarded < DISCARD_LIMIT && (n = in.read(buffer)) >= 0) {
        discarded += n;
      }
    }

    private Answer answer(HttpExchange exchange) throws Exception {
      if (!"POST".equals(exchange.getRequestMethod())) {
        return Answer.plain(405, "POST only");
      }
      Optional<byte[]> read = readBody(exchange);
      if (read.isEmpty()) {
        return Answer.plain(413, "Request body over " + maxBodyBytes + " bytes");
      }
      byte[] body = read.get();
      var headers = exchange.getRequestHeaders();
      SlackRequestVerifier.Verdict verdict =
          verifier.verify(
              headers.getFirst(SlackRequestVerifier.TIMESTAMP_HEADER),
              headers.getFirst(SlackRequestVerifier.SIGNATURE_HEADER),
              body);
      if (verdict != SlackRequestVerifier.Verdict.TRUSTED) {
        LOG.info(
            "Refused a request from {}: {}",
            exchange.getRemoteAddress().getAddress().getHostAddress(),
            verdict);
        return Answer.plain(401, "");
      }
      String text = new String(body, StandardCharsets.UTF_8);
      Optional<String> problem = SlackRequestShape.problem(text);
      if (problem.isPresent()) {
        LOG.info("Refused a signed request Tandem cannot read: {}", problem.get());
        return Answer.plain(400, "Tandem cannot read this request: " + problem.get());
      }
      Request<?> request;
      try {
        request =
            parser.parse(
                SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .requestBody(text)
                    .headers(new RequestHeaders(headers))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
      } catch (RuntimeException | StackOverflowError e) {
        LOG.info("Refused a signed request whose fields have the wrong types: {}", LogText.of(e));
        return Answer.plain(400, "Tandem cannot read this request: fields of the wrong type");
      }
      if (request == null) {
        return Answer.plain(400, "Tandem cannot read this request");
      }
      Response response = app.run(request);
      return new Answer(
          response.getStatusCode(),
          response.getContentType() == null ? PLAIN : response.getContentType(),
          response.getBody() == null ? "" : response.getBody());
    }

    /** The whole body, or empty when it is longer than allowed (read no further than that). */
    private Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
      String declared = exchange.getRequestHeaders().getFirst("Content-Length");
      if (declared != null) {
        try {
          if (Long.parseLong(declared.strip()) > maxBodyBytes) {
            return Optional.empty();
          }
        } catch (NumberFormatException e) {
          // the server refuses a malformed length before we see it; read with the cap below
        }
      }
      // closing the exchange afterwards drains a little of any rest and then drops the connection
      byte[] body = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? Optional.empty() : Optional.of(body);
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      // Flushed, not closed: closing the body ends the exchange, and the server then drops the
      // connection with a refused body still unread. The caller closes the exchange.
      OutputStream out = exchange.getResponseBody();
      out.write(bytes);
      out.flush();
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
