package io.tandem.core.delivery;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.port.out.OutgoingMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one claimed message and records its outcome, as {@link OutboxDispatcher} describes:
 * looks for an earlier delivery when an attempt's outcome is unknown, marks the attempt, calls the
 * port, and records delivered, deferred or dead. Runs on a dispatcher worker, one message of a
 * conversation at a time.
 */
final class DeliverMessage {

  private static final Logger LOG = LoggerFactory.getLogger(DeliverMessage.class);

  /** A delivery is not started when less than this is left of its lease. */
  static final Duration LEASE_SAFETY_MARGIN = Duration.ofSeconds(5);

  /** The conversation a message belongs to, as the dispatcher holds it. */
  interface Conversation {
    /** Until when an earlier message of the conversation waits for a retry, or null. */
    Instant blockedUntil();

    /** Holds the conversation's later messages back until {@code until}. */
    void block(Instant until);
  }

  private final Map<Platform, ChatPort> ports;
  private final OutboxLeases leases;
  private final OutboxSettings settings;
  private final Clock clock;
  private final RetryBackoff backoff;
  private final Supplier<Metrics> metrics;
  private final DueListener due;

  /** Told of every time a deferred message comes due, so the dispatcher claims it then. */
  @FunctionalInterface
  interface DueListener {
    void dueAt(Instant at);
  }

  DeliverMessage(
      Map<Platform, ChatPort> ports,
      OutboxLeases leases,
      OutboxSettings settings,
      Clock clock,
      RetryBackoff backoff,
      Supplier<Metrics> metrics,
      DueListener due) {
    this.ports = ports;
    this.leases = leases;
    this.settings = settings;
    this.clock = clock;
    this.backoff = backoff;
    this.metrics = metrics;
    this.due = due;
  }

  void deliver(Conversation conversation, ClaimedMessage claimed, OutboxPayload payload) {
    Instant now = clock.instant();
    Instant blockedUntil = conversation.blockedUntil();
    if (blockedUntil != null && blockedUntil.isAfter(now)) {
      // an earlier message of this conversation waits for a retry: keep the order
      defer(claimed, blockedUntil.plusMillis(1), null, false);
      return;
    }
    if (!claimed.leaseUntil().minus(LEASE_SAFETY_MARGIN).isAfter(now)) {
      LOG.warn(
          "Outbox message {} waited past its lease; leaving it to the next claim",
          claimed.dedupKey());
      return;
    }
    OutgoingMessage message =
        new OutgoingMessage(
            claimed.dedupKey(),
            payload.target(),
            payload.reply(),
            claimed.attempts() + 1,
            payload.attachments(),
            payload.files());
    ChatPort port = ports.get(claimed.platform());
    DeliveryResult result = null;
    if (claimed.uncertainSince() != null) {
      result = findEarlierDelivery(port, claimed, message);
    }
    boolean attempted = false;
    if (result == null) {
      if (!startAttempt(claimed)) {
        LOG.warn(
            "Outbox message {} lost its claim before it was sent; leaving it to the next claim",
            claimed.dedupKey());
        return;
      }
      attempted = true;
      result = send(port, claimed, message);
    }
    record(conversation, claimed, result, attempted);
  }

  /** Marks the attempt if the claim still holds with the safety margin left. */
  boolean startAttempt(ClaimedMessage claimed) {
    Instant now = clock.instant();
    return leases.startAttempt(claimed, now, now.plus(LEASE_SAFETY_MARGIN));
  }

  private static DeliveryResult send(
      ChatPort port, ClaimedMessage claimed, OutgoingMessage message) {
    try {
      return port.deliver(message);
    } catch (RuntimeException e) {
      LOG.error("ChatPort {} threw for {}", claimed.platform(), claimed.dedupKey(), e);
      return new DeliveryResult.TransientFailure("unexpected: " + e);
    }
  }

  /**
   * Asks the port whether an earlier attempt with an unknown outcome delivered the message after
   * all. Returns the outcome to record, or {@code null} to send it now.
   */
  private static DeliveryResult findEarlierDelivery(
      ChatPort port, ClaimedMessage claimed, OutgoingMessage message) {
    DeliveryResult found;
    try {
      found = port.findEarlierDelivery(message, claimed.uncertainSince()).orElse(null);
    } catch (RuntimeException e) {
      LOG.error("ChatPort {} threw looking for {}", claimed.platform(), claimed.dedupKey(), e);
      return new DeliveryResult.TransientFailure("unexpected while looking: " + e);
    }
    if (found instanceof DeliveryResult.Delivered) {
      LOG.info(
          "Outbox message {} was delivered by an earlier attempt (started {}); not sending it again",
          claimed.dedupKey(),
          claimed.uncertainSince());
      return found;
    }
    if (found instanceof DeliveryResult.PermanentFailure failure) {
      LOG.warn(
          "Cannot tell whether outbox message {} was delivered before ({}); sending it again",
          claimed.dedupKey(),
          failure.error());
      return null;
    }
    return found;
  }

  private void record(
      Conversation conversation, ClaimedMessage claimed, DeliveryResult result, boolean attempted) {
    Instant after = clock.instant();
    if (result instanceof DeliveryResult.Delivered delivered) {
      leases.markDelivered(claimed, delivered.messageRef(), after);
      count(claimed, Metrics.Delivery.DELIVERED);
    } else if (result instanceof DeliveryResult.RetryAfter retry) {
      rateLimited(conversation, claimed, retry, after, attempted);
    } else if (result instanceof DeliveryResult.TransientFailure failure) {
      failed(conversation, claimed, failure, after);
    } else if (result instanceof DeliveryResult.PermanentFailure failure) {
      LOG.warn("Outbox message {} cannot be delivered: {}", claimed.dedupKey(), failure.error());
      leases.markDead(claimed, failure.error(), true, false);
      count(claimed, Metrics.Delivery.DEAD);
    }
  }

  private void rateLimited(
      Conversation conversation,
      ClaimedMessage claimed,
      DeliveryResult.RetryAfter retry,
      Instant after,
      boolean attempted) {
    Instant at = after.plus(retry.delay());
    LOG.info(
        "{} rate-limited delivery of {}: retrying after {} ms",
        claimed.platform(),
        claimed.dedupKey(),
        retry.delay().toMillis());
    conversation.block(at);
    // a 429 means the platform did not take this attempt; an earlier unknown one was looked for
    String error = "rate limited: " + retry.reason();
    if (attempted) {
      due.dueAt(at);
      leases.deferAnswered(claimed, at, error);
    } else {
      defer(claimed, at, error, false);
    }
    count(claimed, Metrics.Delivery.RATE_LIMITED);
  }

  private void failed(
      Conversation conversation,
      ClaimedMessage claimed,
      DeliveryResult.TransientFailure failure,
      Instant after) {
    int attempt = claimed.attempts() + 1;
    if (attempt >= settings.maxAttempts()) {
      LOG.warn(
          "Outbox message {} is dead after {} attempts: {}",
          claimed.dedupKey(),
          attempt,
          failure.error());
      // the last try may have reached the platform: an operator's retry looks first
      leases.markDead(claimed, failure.error(), true, true);
      count(claimed, Metrics.Delivery.DEAD);
      return;
    }
    Instant at = after.plus(backoff.delay(attempt));
    LOG.info(
        "Delivery of {} failed (attempt {}): {}; retrying at {}",
        claimed.dedupKey(),
        attempt,
        failure.error(),
        at);
    conversation.block(at);
    defer(claimed, at, failure.error(), true);
    count(claimed, Metrics.Delivery.RETRIED);
  }

  private void defer(ClaimedMessage claimed, Instant at, String error, boolean countAttempt) {
    due.dueAt(at);
    leases.defer(claimed, at, error, countAttempt);
  }

  /** Records a message that cannot even be read as dead, at once. */
  void unreadable(ClaimedMessage claimed, String problem) {
    leases.markDead(claimed, "unreadable payload: " + problem, false, false);
    count(claimed, Metrics.Delivery.DEAD);
  }

  private void count(ClaimedMessage claimed, Metrics.Delivery outcome) {
    metrics.get().delivery(claimed.platform(), outcome);
  }
}
