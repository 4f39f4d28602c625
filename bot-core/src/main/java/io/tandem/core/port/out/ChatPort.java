package io.tandem.core.port.out;

import io.tandem.core.port.in.Platform;

/**
 * Delivers one outgoing message on one chat platform. Implemented by the Slack and Discord
 * adapters; called only by {@code io.tandem.core.outbox.OutboxDispatcher}.
 *
 * <p><b>Threads.</b> Called on the dispatcher's worker threads, several at once for different
 * conversations ({@link ChatTarget#orderingKey()}), never twice at once for the same conversation.
 * Implementations are thread-safe and may block (network calls, waiting for a rate-limit permit);
 * they are never called on a platform's event thread.
 *
 * <p><b>Transactions.</b> Called outside any database transaction: the dispatcher has already
 * committed the claim and records the result in its own short transaction afterwards. A port never
 * touches the database.
 *
 * <p><b>Contract.</b> Never throws for platform or network failures: every outcome is a {@link
 * DeliveryResult}. A port paces itself under the platform's documented limits with the {@link
 * RateLimiter}s it was built with, maps an HTTP 429 to {@link DeliveryResult.RetryAfter} with the
 * platform's exact wait, 5xx and I/O failures to {@link DeliveryResult.TransientFailure}, and
 * errors that retrying cannot fix to {@link DeliveryResult.PermanentFailure}.
 *
 * <p><b>Attachments.</b> A message may carry charts ({@link OutgoingMessage#attachments()}); the
 * port draws each with {@link ChartAttachment#png()} and delivers them with the message (Slack:
 * file upload, Discord: attached files). A failure on the way is a failure of the whole message.
 */
public interface ChatPort {

  /** The platform this port delivers to. */
  Platform platform();

  /** Sends one message and says what happened. */
  DeliveryResult deliver(OutgoingMessage message);
}
