package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a message this port posted by the outbox key in its metadata ({@code event_type:
 * tandem_outbox}, {@code event_payload: {dedup_key}}): {@code conversations.history} with {@code
 * include_all_metadata} since an attempt whose outcome is unknown, newest first, a few pages at
 * most. Needs the {@code im:history}, {@code mpim:history} and {@code channels:history} scopes.
 */
final class SlackHistory {
  /** The metadata event type that tags every message this port posts. */
  static final String METADATA_EVENT_TYPE = "tandem_outbox";

  /** The metadata payload field that holds the outbox key. */
  static final String METADATA_KEY = "dedup_key";

  /** How far before an attempt's start (by Tandem's clock) the history is read: clock skew. */
  static final Duration HISTORY_SKEW = Duration.ofMinutes(1);

  /** Messages per history page, and pages read at most, when looking for an earlier delivery. */
  static final int HISTORY_PAGE = 200;

  static final int HISTORY_PAGES = 5;

  private final MethodsClient methods;
  private final SlackChatPort.Limits limits;

  SlackHistory(MethodsClient methods, SlackChatPort.Limits limits) {
    this.methods = methods;
    this.limits = limits;
  }

  /** The metadata that tags a message with its outbox key. */
  static Message.Metadata metadata(OutgoingMessage message) {
    return Message.Metadata.builder()
        .eventType(METADATA_EVENT_TYPE)
        .eventPayload(Map.of(METADATA_KEY, message.dedupKey()))
        .build();
  }

  /**
   * The delivery of {@code message} in {@code channel} since {@code since} (less {@link
   * #HISTORY_SKEW}), a failure to read the history, or empty when it is not there.
   */
  Optional<DeliveryResult> find(String channel, OutgoingMessage message, Instant since)
      throws IOException, SlackApiException, InterruptedException {
    String oldest = slackTs(since.minus(HISTORY_SKEW));
    String cursor = null;
    for (int page = 0; page < HISTORY_PAGES; page++) {
      limits.conversationsHistory().acquire("conversations.history");
      limits.workspace().acquire("workspace");
      String pageCursor = cursor;
      ConversationsHistoryResponse history =
          methods.conversationsHistory(
              r ->
                  r.channel(channel)
                      .oldest(oldest)
                      .inclusive(true)
                      .limit(HISTORY_PAGE)
                      .includeAllMetadata(true)
                      .cursor(pageCursor));
      if (!history.isOk()) {
        return Optional.of(SlackErrors.failure(history));
      }
      if (history.getMessages() != null) {
        for (Message m : history.getMessages()) {
          if (message.dedupKey().equals(outboxKey(m))) {
            return Optional.of(DeliveryResult.delivered(channel + "/" + m.getTs()));
          }
        }
      }
      cursor =
          history.getResponseMetadata() == null
              ? null
              : history.getResponseMetadata().getNextCursor();
      if (!history.isHasMore() || cursor == null || cursor.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        DeliveryResult.permanentFailure(
            "more than " + HISTORY_PAGES * HISTORY_PAGE + " messages since the earlier attempt"));
  }

  /** The outbox key a message was tagged with, or null. */
  static String outboxKey(Message message) {
    Message.Metadata metadata = message.getMetadata();
    if (metadata == null
        || !METADATA_EVENT_TYPE.equals(metadata.getEventType())
        || metadata.getEventPayload() == null) {
      return null;
    }
    Object key = metadata.getEventPayload().get(METADATA_KEY);
    return key == null ? null : key.toString();
  }

  /** A Slack timestamp ({@code seconds.micros}) for an instant. */
  static String slackTs(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano() / 1000, 6))
        .toPlainString();
  }
}
