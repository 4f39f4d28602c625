package io.tandem.simulator.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts signed requests to the app's events URL, as Slack does in HTTP mode: slash commands as form
 * fields, interactions as a form with one {@code payload} field, events as JSON.
 */
final class HttpTransport implements Transport {
  private final URI eventsUrl;
  private final String signingSecret;
  private final Clock clock;
  private final Duration timeout;
  private final ExecutorService threads;
  private final HttpClient http;

  HttpTransport(URI eventsUrl, String signingSecret, Clock clock, Duration timeout) {
    this.eventsUrl = eventsUrl;
    this.signingSecret = signingSecret;
    this.clock = clock;
    this.timeout = timeout;
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "slack-client-http");
              thread.setDaemon(true);
              return thread;
            });
    this.http = HttpClient.newBuilder().executor(threads).connectTimeout(timeout).build();
  }

  @Override
  public Ack deliver(Delivery delivery, HttpSigning signing) {
    String contentType;
    String body;
    switch (delivery.envelopeType()) {
      case Delivery.SLASH_COMMANDS -> {
        contentType = "application/x-www-form-urlencoded";
        body = Forms.encode(fields(delivery.payload()));
      }
      case Delivery.INTERACTIVE -> {
        contentType = "application/x-www-form-urlencoded";
        body = Forms.encode(Map.of("payload", delivery.payload().toString()));
      }
      default -> {
        contentType = "application/json";
        body = delivery.payload().toString();
      }
    }
    return post(contentType, body, signing, delivery.retryNum(), delivery.retryReason());
  }

  @Override
  public Ack deliverRaw(String contentType, String body, HttpSigning signing) {
    return post(contentType, body, signing, 0, null);
  }

  private Ack post(
      String contentType, String body, HttpSigning signing, int retryNum, String retryReason) {
    long timestamp = clock.instant().plus(signing.timestampSkew()).getEpochSecond();
    String signature =
        signing.signatureOverride() != null
            ? signing.signatureOverride()
            : SlackSignature.sign(signingSecret, timestamp, body);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(eventsUrl)
            .timeout(timeout)
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", signature);
    if (retryNum > 0) {
      builder
          .header("X-Slack-Retry-Num", Integer.toString(retryNum))
          .header("X-Slack-Retry-Reason", retryReason);
    }
    HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      JsonElement json = WebApiHandler.parseJson(response.body());
      return new Ack(
          response.statusCode(),
          response.body(),
          json != null && json.isJsonObject() ? json.getAsJsonObject() : null,
          latency);
    } catch (IOException e) {
      throw new UncheckedIOException("could not reach the app at " + eventsUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the app", e);
    }
  }

  private static Map<String, String> fields(JsonObject payload) {
    Map<String, String> fields = new LinkedHashMap<>();
    payload
        .entrySet()
        .forEach(
            e ->
                fields.put(
                    e.getKey(),
                    e.getValue().isJsonPrimitive()
                        ? e.getValue().getAsString()
                        : e.getValue().toString()));
    return fields;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
