package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DM and group DM of each set of people: {@code conversations.open users=U1,U2} once, then the
 * channel id from a cache until Slack says the conversation is gone. Thread-safe.
 */
final class SlackConversations {
  /** A channel id, or why there is none. */
  record Opened(String channelId, DeliveryResult failure) {}

  private final MethodsClient methods;
  private final SlackChatPort.Limits limits;
  private final Map<String, String> channels = new ConcurrentHashMap<>();

  SlackConversations(MethodsClient methods, SlackChatPort.Limits limits) {
    this.methods = methods;
    this.limits = limits;
  }

  /** The conversation's channel id, opening it when it is not cached. */
  Opened channel(ChatTarget target) throws IOException, SlackApiException, InterruptedException {
    String cached = channels.get(cacheKey(target));
    if (cached != null) {
      return new Opened(cached, null);
    }
    limits.conversationsOpen().acquire("conversations.open");
    limits.workspace().acquire("workspace");
    List<String> users = users(target);
    ConversationsOpenResponse opened =
        methods.conversationsOpen(r -> r.users(users).returnIm(false));
    if (!opened.isOk()) {
      return new Opened(null, SlackErrors.failure(opened));
    }
    channels.put(cacheKey(target), opened.getChannel().getId());
    return new Opened(opened.getChannel().getId(), null);
  }

  /** Forgets the target's channel when Slack's error says it is no longer good. */
  void forgetIfStale(ChatTarget target, String error) {
    boolean opened =
        target instanceof ChatTarget.DirectMessage || target instanceof ChatTarget.GroupMessage;
    if (opened && SlackErrors.staleChannel(error)) {
      channels.remove(cacheKey(target));
    }
  }

  int cached() {
    return channels.size();
  }

  private static String cacheKey(ChatTarget target) {
    return String.join(",", users(target).stream().sorted().toList());
  }

  private static List<String> users(ChatTarget target) {
    return target instanceof ChatTarget.GroupMessage group
        ? group.userIds()
        : List.of(((ChatTarget.DirectMessage) target).userId());
  }
}
