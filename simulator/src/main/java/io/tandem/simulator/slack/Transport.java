package io.tandem.simulator.slack;

/** How {@link SlackClient} reaches the app: signed HTTP requests or Socket Mode envelopes. */
interface Transport extends AutoCloseable {

  /** Sends one delivery and waits for the app's acknowledgement. Called on the test's thread. */
  Ack deliver(Delivery delivery, HttpSigning signing);

  /** HTTP only: signs and posts this exact body. */
  Ack deliverRaw(String contentType, String body, HttpSigning signing);

  @Override
  void close();
}
