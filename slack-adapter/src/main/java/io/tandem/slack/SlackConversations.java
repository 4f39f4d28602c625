package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.DmChannels;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The DM and group DM of each set of people: {@code conversations.open users=U1,U2} once, then the
 * channel id kept by the core ({@link DmChannels}, in the database, so across restarts) until Slack
 * says the conversation is gone. Thread-safe.
 */
final class SlackConversations {
  /** A channel id, or why there is none. */
  record Opened(String channelId, DeliveryResult failure) {}

  private final MethodsClient methods;
  private final SlackChatPort.Limits limits;
  private final DmChannels channels;

  SlackConversations(MethodsClient methods, SlackChatPort.Limits limits, DmChannels channels) {
    this.methods = methods;
    this.limits = limits;
    this.channels = channels;
  }

  /** The conversation's channel id, opening it when it is not cached. */
  Opened channel(ChatTarget target) throws IOException, SlackApiException, InterruptedException {
    List<String> users = users(target);
    Optional<String> kept = channels.find(Platform.SLACK, users);
    if (kept.isPresent()) {
      return new Opened(kept.get(), null);
    }
    limits.conversationsOpen().acquire("conversations.open");
    limits.workspace().acquire("workspace");
    ConversationsOpenResponse opened =
        methods.conversationsOpen(r -> r.users(users).returnIm(false));
    if (!opened.isOk()) {
      return new Opened(null, SlackErrors.failure(opened));
    }
    channels.remember(Platform.SLACK, users, opened.getChannel().getId());
    return new Opened(opened.getChannel().getId(), null);
  }

  /** Forgets the target's channel when Slack's error says it is no longer good. */
  void forgetIfStale(ChatTarget target, String error) {
    boolean opened =
        target instanceof ChatTarget.DirectMessage || target instanceof ChatTarget.GroupMessage;
    if (opened && SlackErrors.staleChannel(error)) {
      channels.forget(Platform.SLACK, users(target));
    }
  }

  private static List<String> users(ChatTarget target) {
    return target instanceof ChatTarget.GroupMessage group
        ? group.userIds()
        : List.of(((ChatTarget.DirectMessage) target).userId());
  }
}
