package io.tandem.simulator.slack;

import java.time.Duration;

/** Sends envelopes over the simulator's Socket Mode connection and waits for the acks. */
final class SocketModeTransport implements Transport {
  private final SocketModeEndpoint endpoint;
  private final Duration timeout;

  SocketModeTransport(SocketModeEndpoint endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  @Override
  public Ack deliver(Delivery delivery, HttpSigning signing) {
    SocketAck ack =
        endpoint.deliver(
            delivery.envelopeType(),
            delivery.payload(),
            delivery.retryNum(),
            delivery.retryReason(),
            timeout);
    String body = ack.payload() == null ? "" : ack.payload().toString();
    return new Ack(200, body, ack.payload(), ack.latency());
  }

  @Override
  public Ack deliverRaw(String contentType, String body, HttpSigning signing) {
    throw new UnsupportedOperationException("Socket Mode carries envelopes, not request bodies");
  }

  @Override
  public void close() {
    // the simulator owns the connection
  }
}
