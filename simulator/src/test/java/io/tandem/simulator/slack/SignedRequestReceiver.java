package io.tandem.simulator.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for a Slack app's HTTP endpoint: verifies the signature the way Slack documents it
 * (computed here independently of {@link SlackSignature}), refuses bad or stale requests with 401,
 * and answers good ones with {@code answer}.
 */
final class SignedRequestReceiver implements AutoCloseable {

  /** One verified request, with Slack's retry headers when it had them ({@code null} if not). */
  record Received(String contentType, String body, String retryNum, String retryReason) {}

  private final String signingSecret;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private volatile Function<Received, String> answer = r -> "";

  SignedRequestReceiver(String signingSecret) throws IOException {
    this.signingSecret = signingSecret;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/slack/events", this::handle);
    // one thread per request: an answer held back must not hold back the next request
    server.setExecutor(threads);
    server.start();
  }

  URI eventsUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
  }

  /** Sets the JSON body to answer verified requests with ("" for an empty ack). */
  void answerWith(Function<Received, String> answer) {
    this.answer = answer;
  }

  BlockingQueue<Received> received() {
    return received;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
    if (!verified(timestamp, signature, body)) {
      reply(exchange, 401, "{\"error\":\"invalid request\"}");
      return;
    }
    Received request =
        new Received(
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body,
            exchange.getRequestHeaders().getFirst("X-Slack-Retry-Num"),
            exchange.getRequestHeaders().getFirst("X-Slack-Retry-Reason"));
    received.add(request);
    reply(exchange, 200, answer.apply(request));
  }

  private boolean verified(String timestamp, String signature, String body) {
    if (timestamp == null || signature == null) {
      return false;
    }
    long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
    if (Math.abs(age) > Duration.ofMinutes(5).toSeconds()) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return MessageDigest.isEqual(
          hex.toString().getBytes(StandardCharsets.UTF_8),
          signature.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
