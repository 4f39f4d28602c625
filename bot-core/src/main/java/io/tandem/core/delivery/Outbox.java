package io.tandem.core.delivery;

import io.tandem.core.delivery.persistence.OutboxInserts;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How use cases say something: they queue it here, inside their own transaction, together with the
 * state change that calls for it. Nothing is sent before that transaction commits; the {@link
 * OutboxDispatcher} is woken right after the commit ({@link OutboxSignal}) and delivers it.
 *
 * <p><b>Deduplication.</b> Every message has a key that names the event it is about, e.g. {@code
 * welcome:{participantId}} or {@code reminder:{pairId}:{occurrence}}. Queueing a key that exists
 * (in any state, delivered or dead included) changes nothing and returns {@code false}; the unique
 * constraint on {@code outbox_message.dedup_key} makes that hold across concurrent transactions too
 * (the loser's commit fails as a conflict: run such work with {@code
 * Database#inTransactionRetryingConflicts}, and the retry sees the winner's row).
 *
 * <p><b>Group messages on Discord.</b> Discord has no group DMs for bots, so a {@link
 * ChatTarget.GroupMessage} queued for Discord becomes one direct message per person, keyed {@code
 * {key}/{userId}}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Outbox {

  private Outbox() {}

  /**
   * Queues a message unless its key is taken.
   *
   * @param store the caller's transaction
   * @param workspaceId the internal workspace id ({@code workspace.id})
   * @param notBefore the earliest time to send (use the transaction's "now" for "at once")
   * @return whether anything was queued
   */
  public static boolean queue(
      Store store,
      long workspaceId,
      Platform platform,
      String dedupKey,
      ChatTarget target,
      Reply reply,
      Instant notBefore,
      Instant now) {
    return queue(store, workspaceId, platform, dedupKey, target, reply, List.of(), notBefore, now);
  }

  /**
   * Queues a message with charts to attach (drawn when it is delivered), unless its key is taken.
   * Only a DM, group DM or channel message can carry attachments.
   *
   * @see #queue(Store, long, Platform, String, ChatTarget, Reply, Instant, Instant)
   */
  public static boolean queue(
      Store store,
      long workspaceId,
      Platform platform,
      String dedupKey,
      ChatTarget target,
      Reply reply,
      List<ChartAttachment> attachments,
      Instant notBefore,
      Instant now) {
    return queue(
        store,
        workspaceId,
        platform,
        dedupKey,
        target,
        new OutboxPayload(target, reply, attachments),
        notBefore,
        now);
  }

  /**
   * Queues a message with its charts and files (as {@code payload} holds them), unless its key is
   * taken. Only a DM, group DM or channel message can carry attachments; {@code payload}'s target
   * is replaced by each stored message's own.
   *
   * @see #queue(Store, long, Platform, String, ChatTarget, Reply, Instant, Instant)
   */
  public static boolean queue(
      Store store,
      long workspaceId,
      Platform platform,
      String dedupKey,
      ChatTarget target,
      OutboxPayload payload,
      Instant notBefore,
      Instant now) {
    Reply reply = payload.reply();
    List<ChartAttachment> attachments = payload.attachments();
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(attachments, "attachments");
    if ((!attachments.isEmpty() || !payload.files().isEmpty())
        && target instanceof ChatTarget.AppHome) {
      throw new IllegalArgumentException("an App Home view cannot carry attachments");
    }
    checkKey(dedupKey);
    Instant at = notBefore.truncatedTo(ChronoUnit.MILLIS);
    Instant created = now.truncatedTo(ChronoUnit.MILLIS);
    boolean any = false;
    for (Map.Entry<String, ChatTarget> message : messages(platform, dedupKey, target).entrySet()) {
      ChatTarget to = message.getValue();
      any |=
          store.queueOnce(
              message(
                  workspaceId,
                  platform,
                  message.getKey(),
                  to,
                  new OutboxPayload(to, reply, attachments, payload.files()),
                  at,
                  created));
    }
    return any;
  }

  /** One message for {@link #queueAll}: as the arguments of {@link #queue}. */
  public record Queued(
      long workspaceId,
      Platform platform,
      String dedupKey,
      ChatTarget target,
      Reply reply,
      Instant notBefore) {}

  /**
   * Queues each message unless its key is taken (stored in any state, queued earlier in this
   * transaction, or earlier in {@code messages}), as {@link #queue} does one by one, with one JDBC
   * look-up per 500 keys instead of one per message ({@link OutboxInserts#taken}), and the new rows
   * written at once in one JDBC batch ({@link OutboxInserts}): for jobs that queue many at once.
   *
   * @param store the caller's transaction
   * @return for each message, in order, whether it was queued
   */
  public static boolean[] queueAll(Store store, List<Queued> messages, Instant now) {
    Objects.requireNonNull(store, "store");
    List<Map<String, ChatTarget>> rows = new ArrayList<>(messages.size());
    List<String> keys = new ArrayList<>();
    for (Queued message : messages) {
      Objects.requireNonNull(message.reply(), "reply");
      Objects.requireNonNull(message.target(), "target");
      checkKey(message.dedupKey());
      Map<String, ChatTarget> perKey =
          messages(message.platform(), message.dedupKey(), message.target());
      rows.add(perKey);
      keys.addAll(perKey.keySet());
    }
    Set<String> taken = OutboxInserts.taken(store, keys);
    Instant created = now.truncatedTo(ChronoUnit.MILLIS);
    boolean[] queued = new boolean[messages.size()];
    List<OutboxMessage> inserts = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Queued message = messages.get(i);
      for (Map.Entry<String, ChatTarget> row : rows.get(i).entrySet()) {
        if (taken.add(row.getKey())) {
          inserts.add(
              message(
                  message.workspaceId(),
                  message.platform(),
                  row.getKey(),
                  row.getValue(),
                  new OutboxPayload(row.getValue(), message.reply()),
                  message.notBefore().truncatedTo(ChronoUnit.MILLIS),
                  created));
          queued[i] = true;
        }
      }
    }
    OutboxInserts.insert(store, inserts);
    return queued;
  }

  private static void checkKey(String dedupKey) {
    Objects.requireNonNull(dedupKey, "dedupKey");
    if (dedupKey.isBlank() || dedupKey.length() > 200) {
      throw new IllegalArgumentException("dedupKey must be 1 to 200 characters: " + dedupKey);
    }
  }

  private static OutboxMessage message(
      long workspaceId,
      Platform platform,
      String key,
      ChatTarget to,
      OutboxPayload payload,
      Instant notBefore,
      Instant created) {
    return new OutboxMessage(
        workspaceId,
        key,
        platform,
        to.primaryRecipient(),
        to instanceof ChatTarget.ChannelMessage channel ? channel.channelId() : null,
        payload.toJson(),
        notBefore,
        created);
  }

  /**
   * The messages to store for one queued message, by dedup key: itself, or on Discord one direct
   * message per person of a group message.
   */
  private static Map<String, ChatTarget> messages(
      Platform platform, String dedupKey, ChatTarget target) {
    if (platform == Platform.DISCORD && target instanceof ChatTarget.GroupMessage group) {
      Map<String, ChatTarget> perPerson = new LinkedHashMap<>();
      for (String userId : group.userIds()) {
        perPerson.put(dedupKey + "/" + userId, new ChatTarget.DirectMessage(userId));
      }
      return perPerson;
    }
    return Map.of(dedupKey, target);
  }

  /**
   * The keys among {@code keys} already taken: stored in any state, or queued earlier in this
   * transaction. One query per 500 keys, for jobs that ask about many messages at once.
   */
  public static Set<String> taken(Store store, Collection<String> keys) {
    return OutboxInserts.taken(store, keys);
  }

  /** The {@code outbox_message.payload} text for a message; see {@link OutboxPayload}. */
  public static String payload(ChatTarget target, Reply reply) {
    return new OutboxPayload(target, reply).toJson();
  }

  /** The payload text for a message with attachments; see {@link OutboxPayload}. */
  public static String payload(ChatTarget target, Reply reply, List<ChartAttachment> attachments) {
    return new OutboxPayload(target, reply, attachments).toJson();
  }
}
