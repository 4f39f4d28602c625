package io.tandem.core.port.out;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where an outgoing message goes, in platform user and channel ids.
 *
 * <p>{@link #orderingKey()} names the conversation the message lands in: the outbox delivers
 * messages with the same key one after another, in the order they were queued, and messages with
 * different keys in parallel.
 */
public sealed interface ChatTarget {

  /** The conversation this target lands in, e.g. {@code dm:U123} or {@code channel:C9}. */
  String orderingKey();

  /** A user id the outbox row is filed under ({@code outbox_message.recipient_user_id}). */
  String primaryRecipient();

  /** A direct message to one person (Slack: their DM with the bot; Discord: a private channel). */
  record DirectMessage(String userId) implements ChatTarget {
    public DirectMessage {
      requireId(userId, "userId");
    }

    @Override
    public String orderingKey() {
      return "dm:" + userId;
    }

    @Override
    public String primaryRecipient() {
      return userId;
    }
  }

  /**
   * One message several people see together, e.g. a pair's introduction. Slack opens a group DM
   * ({@code conversations.open users=a,b}). Discord has no group DMs for bots: {@code
   * io.tandem.core.delivery.Outbox} queues one {@link DirectMessage} per person there instead, so a
   * Discord {@link ChatPort} never receives this target.
   *
   * @param userIds two to eight distinct people (Slack's group DM limit), in a stable order
   */
  record GroupMessage(List<String> userIds) implements ChatTarget {
    public GroupMessage {
      userIds = List.copyOf(userIds);
      if (userIds.size() < 2 || userIds.size() > 8) {
        throw new IllegalArgumentException("a group message needs 2 to 8 people: " + userIds);
      }
      if (userIds.stream().distinct().count() != userIds.size()) {
        throw new IllegalArgumentException("duplicate user in " + userIds);
      }
      userIds.forEach(u -> requireId(u, "userId"));
    }

    @Override
    public String orderingKey() {
      return "group:" + userIds.stream().sorted().collect(Collectors.joining(","));
    }

    @Override
    public String primaryRecipient() {
      return userIds.get(0);
    }
  }

  /** A message in a channel the bot can post in. */
  record ChannelMessage(String channelId) implements ChatTarget {
    public ChannelMessage {
      requireId(channelId, "channelId");
    }

    @Override
    public String orderingKey() {
      return "channel:" + channelId;
    }

    @Override
    public String primaryRecipient() {
      return channelId;
    }
  }

  /**
   * The person's App Home tab, replaced as a whole (Slack {@code views.publish}). Discord has no
   * such surface: its port treats this as delivered without calling anything.
   */
  record AppHome(String userId) implements ChatTarget {
    public AppHome {
      requireId(userId, "userId");
    }

    @Override
    public String orderingKey() {
      return "home:" + userId;
    }

    @Override
    public String primaryRecipient() {
      return userId;
    }
  }

  private static void requireId(String id, String name) {
    Objects.requireNonNull(id, name);
    if (id.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
