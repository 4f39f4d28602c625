package io.tandem.simulator.slack;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

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
 * <p>Calls block the caller until the app acks. Instances are immutable and thread-safe; the {@code
 * with…} variants share the underlying connection, so close only the original.
 */
public final class SlackClient implements AutoCloseable {
  /** How long to wait for an ack by default; Slack itself gives up after 3 seconds. */
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);

  private final SlackSimulator simulator;
  private final Transport transport;
  private final HttpSigning signing;
  private final Payloads payloads;

  private SlackClient(SlackSimulator simulator, Transport transport, HttpSigning signing) {
    this.simulator = simulator;
    this.transport = transport;
    this.signing = signing;
    this.payloads = new Payloads(simulator);
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
        HttpSigning.PROPER);
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
        simulator, new SocketModeTransport(simulator.socketMode(), ackTimeout), HttpSigning.PROPER);
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
        simulator, transport, new HttpSigning(signatureHeader, signing.timestampSkew()));
  }

  /**
   * HTTP only: a variant whose requests are timestamped {@code age} in the past but correctly
   * signed, e.g. {@code Duration.ofMinutes(6)}: the app must refuse them as replays.
   */
  public SlackClient withStaleTimestamp(Duration age) {
    return new SlackClient(
        simulator, transport, new HttpSigning(signing.signatureOverride(), age.negated()));
  }

  /** Closes the HTTP client's threads; the simulator and its connections stay up. */
  @Override
  public void close() {
    transport.close();
  }

  Payloads payloads() {
    return payloads;
  }

  Ack deliver(Delivery delivery) {
    return transport.deliver(delivery, signing);
  }
}
