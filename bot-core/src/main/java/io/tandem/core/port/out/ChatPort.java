package io.tandem.core.port.out;

import io.tandem.core.port.in.Platform;
import java.time.Instant;
import java.util.Optional;

/**
 * Delivers one outgoing message on one chat platform. Implemented by the Slack and Discord
 * adapters; called only by {@code io.tandem.core.delivery.OutboxDispatcher}.
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
 *
 * <p><b>Exactly once.</b> Before a message whose earlier attempt has an unknown outcome (the
 * process died during the call, the lease lapsed, the call timed out) is sent again, the dispatcher
 * asks {@link #findEarlierDelivery} whether that attempt reached the platform after all. First
 * attempts never take that detour.
 */
public interface ChatPort {

  /** The platform this port delivers to. */
  Platform platform();

  /** Sends one message and says what happened. */
  DeliveryResult deliver(OutgoingMessage message);

  /**
   * Looks on the platform for this message as delivered by an earlier attempt that started at or
   * after {@code since} (by this process's clock; allow for skew). Called only for messages whose
   * earlier attempt has an unknown outcome, on the same threads and under the same rules as {@link
   * #deliver}.
   *
   * @return empty when no such message is there (the dispatcher then sends it); {@link
   *     DeliveryResult.Delivered} with its reference when it is (the dispatcher records it
   *     delivered without sending); {@link DeliveryResult.RetryAfter} or {@link
   *     DeliveryResult.TransientFailure} when the platform could not be asked now (the dispatcher
   *     tries again later); {@link DeliveryResult.PermanentFailure} when it can never be asked (the
   *     dispatcher sends, accepting a possible duplicate). The default looks nowhere: it suits a
   *     port whose platform deduplicates repeated sends by itself, or whose sends are idempotent.
   */
  default Optional<DeliveryResult> findEarlierDelivery(OutgoingMessage message, Instant since) {
    return Optional.empty();
  }
}
