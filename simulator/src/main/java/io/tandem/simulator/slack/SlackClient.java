package io.tandem.simulator.slack;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts as people in the simulated workspace, sending what they do to the app the way Slack would:
 * as signed HTTP requests to the app's events URL, or as Socket Mode envelopes through {@link
 * SlackSimulator#socketMode()}. The API is the same for both:
 *
 * <pre>{@code
 * try (SlackClient slack = SlackClient.overSocketMode(simulator)) {
 *   ActionResult r = slack.user("ana").runs("/tandem log 45m Instagram reels");
 *   assertThat(r.ack().isOk()).isTrue();
 *   assertThat(r.awaitResponse(Duration.ofSeconds(5)).text()).contains("45");
 * }
 * }</pre>
 *
 * <p>Each request is delivered once unless {@link #withRedelivery} (or {@code
 * -Dtandem.simulator.redelivery}) says otherwise: Slack retries slow events and apps must expect
 * duplicates. Calls block the caller until the app acks. Instances are immutable and thread-safe;
 * the {@code with…} variants share the underlying connection, so close only the original.
 */
public final class SlackClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackClient.class);

  /** Sends first deliveries and retries side by side; idle threads end after a minute. */
  private static final ExecutorService RETRIES =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "slack-client-retry");
            thread.setDaemon(true);
            return thread;
          });

  /** How long to wait for an ack by default; Slack itself gives up after 3 seconds. */
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);

  private final SlackSimulator simulator;
  private final Transport transport;
  private final HttpSigning signing;
  private final Payloads payloads;
  private final Redelivery redelivery;

  private SlackClient(
      SlackSimulator simulator, Transport transport, HttpSigning signing, Redelivery redelivery) {
    this.simulator = simulator;
    this.transport = transport;
    this.signing = signing;
    this.payloads = new Payloads(simulator);
    this.redelivery = redelivery;
  }

  /**
   * A client that posts signed requests to {@code eventsUrl} (e.g. {@code
   * http://127.0.0.1:PORT/slack/events}), timestamped by the system clock.
   */
  public static SlackClient overHttp(
      SlackSimulator simulator, URI eventsUrl, String signingSecret) {
    return overHttp(simulator, eventsUrl, signingSecret, Clock.systemUTC(), DEFAULT_ACK_TIMEOUT);
  }

  /**
   * A client that posts signed requests to {@code eventsUrl}, timestamped by {@code clock} (the app
   * checks timestamps against its own clock), waiting up to {@code ackTimeout} for answers.
   */
  public static SlackClient overHttp(
      SlackSimulator simulator,
      URI eventsUrl,
      String signingSecret,
      Clock clock,
      Duration ackTimeout) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    return new SlackClient(
        simulator,
        new HttpTransport(eventsUrl, signingSecret, clock, ackTimeout),
        HttpSigning.PROPER,
        Redelivery.fromSystemProperty());
  }

  /**
   * A client that sends envelopes over the app's Socket Mode connection. Each action waits for the
   * app to connect, then for its ack, up to {@link #DEFAULT_ACK_TIMEOUT} in total.
   */
  public static SlackClient overSocketMode(SlackSimulator simulator) {
    return overSocketMode(simulator, DEFAULT_ACK_TIMEOUT);
  }

  /** As {@link #overSocketMode(SlackSimulator)}, waiting up to {@code ackTimeout}. */
  public static SlackClient overSocketMode(SlackSimulator simulator, Duration ackTimeout) {
    return new SlackClient(
        simulator,
        new SocketModeTransport(simulator.socketMode(), ackTimeout),
        HttpSigning.PROPER,
        Redelivery.fromSystemProperty());
  }

  /** The person {@code name} (registered in the simulator on first use), acting in their DM. */
  public ActingUser user(String name) {
    SimulatedUser user = simulator.user(name);
    return new ActingUser(
        this, simulator, user, new Payloads.ChannelRef(user.dmChannelId(), "directmessage"));
  }

  /** HTTP only: a variant that signs with a wrong secret, so the app must refuse (401). */
  public SlackClient withForgedSignature() {
    return withSignature("v0=" + "0".repeat(64));
  }

  /** HTTP only: a variant that sends this exact {@code X-Slack-Signature} header. */
  public SlackClient withSignature(String signatureHeader) {
    return new SlackClient(
        simulator,
        transport,
        new HttpSigning(signatureHeader, signing.timestampSkew()),
        redelivery);
  }

  /**
   * HTTP only: a variant whose requests are timestamped {@code age} in the past but correctly
   * signed, e.g. {@code Duration.ofMinutes(6)}: the app must refuse them as replays.
   */
  public SlackClient withStaleTimestamp(Duration age) {
    return new SlackClient(
        simulator,
        transport,
        new HttpSigning(signing.signatureOverride(), age.negated()),
        redelivery);
  }

  /**
   * A variant that delivers requests more than once, as {@code redelivery} says. Clients start with
   * {@link Redelivery#fromSystemProperty()}.
   */
  public SlackClient withRedelivery(Redelivery redelivery) {
    return new SlackClient(simulator, transport, signing, Objects.requireNonNull(redelivery));
  }

  /**
   * HTTP only: signs and posts this exact body as Slack would, e.g. a request Slack once sent
   * (form-encoded commands and interactions, JSON events).
   */
  public Ack postsSigned(String contentType, String body) {
    return transport.deliverRaw(
        Objects.requireNonNull(contentType), Objects.requireNonNull(body), signing);
  }

  /** How this client redelivers requests. */
  public Redelivery redelivery() {
    return redelivery;
  }

  /** Closes the HTTP client's threads; the simulator and its connections stay up. */
  @Override
  public void close() {
    transport.close();
  }

  Payloads payloads() {
    return payloads;
  }

  /**
   * Delivers once, or more often as {@link #redelivery()} says; answers the first delivery's ack.
   */
  Ack deliver(Delivery delivery) {
    Ack ack =
        delivery.isEvent() && redelivery.slowAck() != null
            ? deliverRetryingWhileUnacked(delivery)
            : transport.deliver(delivery, signing);
    if (redelivery.everyRequestTwice()) {
      transport.deliver(
          delivery.isEvent() ? delivery.retry(1, Redelivery.TIMEOUT_REASON) : delivery, signing);
    }
    return ack;
  }

  /** Sends Slack's retries of an event while its first delivery waits for the ack. */
  private Ack deliverRetryingWhileUnacked(Delivery delivery) {
    CompletableFuture<Ack> first =
        CompletableFuture.supplyAsync(() -> transport.deliver(delivery, signing), RETRIES);
    for (int retry = 1; retry <= Redelivery.MAX_RETRIES; retry++) {
      try {
        return first.get(redelivery.slowAck().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException slow) {
        Delivery again = delivery.retry(retry, Redelivery.TIMEOUT_REASON);
        CompletableFuture.runAsync(() -> transport.deliver(again, signing), RETRIES)
            .exceptionally(
                e -> {
                  log.debug("a retried event was not acknowledged", e);
                  return null;
                });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the app", e);
      } catch (ExecutionException e) {
        throw rethrown(e);
      }
    }
    try {
      return first.join();
    } catch (CompletionException e) {
      throw rethrown(e);
    }
  }

  private static RuntimeException rethrown(Exception wrapper) {
    Throwable cause = wrapper.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
