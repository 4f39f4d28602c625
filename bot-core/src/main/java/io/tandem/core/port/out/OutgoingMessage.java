package io.tandem.core.port.out;

import io.tandem.core.port.in.Reply;
import java.util.List;
import java.util.Objects;

/**
 * One message the outbox hands to a {@link ChatPort}.
 *
 * @param dedupKey the outbox deduplication key, e.g. {@code welcome:42}; stable across retries, so
 *     a port may pass it to the platform as an idempotency key where the platform has one
 * @param target where it goes
 * @param reply what it says, in the platform-neutral form (its visibility is ignored: a DM is
 *     private by nature, a channel message public)
 * @param attempt 1 for the first try, counting earlier failed tries
 * @param attachments charts to show with the message, drawn at delivery; usually none. A message
 *     with attachments goes to a DM or channel (an App Home view has no place for files)
 */
public record OutgoingMessage(
    String dedupKey,
    ChatTarget target,
    Reply reply,
    int attempt,
    List<ChartAttachment> attachments) {
  public OutgoingMessage {
    Objects.requireNonNull(dedupKey, "dedupKey");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reply, "reply");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
    attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
  }

  /** A message without attachments. */
  public OutgoingMessage(String dedupKey, ChatTarget target, Reply reply, int attempt) {
    this(dedupKey, target, reply, attempt, List.of());
  }
}
