package io.tandem.core.delivery;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatTarget;
import java.time.Instant;

/**
 * One outbox row claimed by this instance, leased until {@code leaseUntil}.
 *
 * @param uncertainSince when an earlier attempt with an unknown outcome started, or null
 */
public record ClaimedMessage(
    long id,
    long workspaceId,
    String dedupKey,
    Platform platform,
    String payload,
    int attempts,
    Instant leaseUntil,
    Instant uncertainSince) {

  /** The conversation this message belongs to: messages of one lane go out in claim order. */
  String laneKey(ChatTarget target) {
    return platform + ":" + workspaceId + ":" + target.orderingKey();
  }
}
