package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.DmChannels;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers outbox messages to Slack through the Web API ({@link ChatPort}; threading and
 * transactions as documented there).
 *
 * <ul>
 *   <li>DM: {@code conversations.open users=U} once per person (the channel id is kept in the
 *       database through {@link DmChannels}), then {@code chat.postMessage} there; group DM: the
 *       same with {@code users=U1,U2}; channel: {@code chat.postMessage}; App Home: {@code
 *       views.publish}.
 *   <li>Content: the {@link Reply} as Block Kit ({@link BlockKit}), with its fallback text; each
 *       message carries its outbox key in its metadata ({@code event_type: tandem_outbox}, {@code
 *       event_payload: {dedup_key}}).
 *   <li>Exactly once: {@code chat.postMessage} has no idempotency key, so when an earlier attempt's
 *       outcome is unknown, {@link #findEarlierDelivery} reads ({@link SlackHistory}) the
 *       conversation's history since that attempt ({@code conversations.history} with {@code
 *       include_all_metadata}, a minute of clock skew allowed, newest first, a few pages at most)
 *       for a message with the key. It needs the {@code im:history}, {@code mpim:history} and
 *       {@code channels:history} scopes.
 *   <li>Charts ({@link OutgoingMessage#attachments()}): each is drawn as a PNG and uploaded with
 *       Slack's external upload flow: {@code files.getUploadURLExternal} (file name, length, alt
 *       text), a POST of the bytes to the {@code upload_url} it returns, then one {@code
 *       files.completeUploadExternal} with {@code channel_id} and each file's title, which shares
 *       them in the conversation. A reply without buttons or form becomes that call's {@code
 *       initial_comment} (text and fields as mrkdwn), so text and charts arrive as one message; a
 *       reply with buttons is posted first as usual, and the charts follow it. Uploads that were
 *       never completed (a failure half-way, then a retry) are not shown anywhere; Slack discards
 *       them. An upload carries no metadata, so the history lookup cannot find it.
 *   <li>Pacing, before each call: {@code chat.postMessage} per channel, a workspace-wide budget for
 *       every call, {@code conversations.open} (Tier 3), {@code views.publish} (Tier 4) and {@code
 *       conversations.history} (Tier 3).
 *   <li>Errors: HTTP 429 ({@code ratelimited}) becomes a retry after its {@code Retry-After}; HTTP
 *       5xx, I/O failures and Slack's own transient errors are transient; errors retrying cannot
 *       fix ({@code user_not_found}, {@code channel_not_found}, {@code not_in_channel}, {@code
 *       is_archived}, bad auth or scopes, invalid blocks, …) are permanent.
 * </ul>
 */
public final class SlackChatPort implements ChatPort {

  /**
   * The pacing of each kind of call.
   *
   * @param postMessagePerChannel {@code chat.postMessage}, keyed by channel id
   * @param workspace every call, one key for the workspace
   * @param conversationsOpen {@code conversations.open}
   * @param viewsPublish {@code views.publish}
   * @param conversationsHistory {@code conversations.history}, read only to settle attempts whose
   *     outcome is unknown
   */
  public record Limits(
      RateLimiter postMessagePerChannel,
      RateLimiter workspace,
      RateLimiter conversationsOpen,
      RateLimiter viewsPublish,
      RateLimiter conversationsHistory) {
    public Limits {
      Objects.requireNonNull(postMessagePerChannel, "postMessagePerChannel");
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(conversationsOpen, "conversationsOpen");
      Objects.requireNonNull(viewsPublish, "viewsPublish");
      Objects.requireNonNull(conversationsHistory, "conversationsHistory");
    }

    public static Limits unlimited() {
      RateLimiter none = RateLimiter.unlimited();
      return new Limits(none, none, none, none, none);
    }
  }

  private final MethodsClient methods;
  private final Limits limits;
  private final SlackConversations conversations;
  private final SlackHistory history;
  private final SlackFileUploads uploads;

  /**
   * @param methods a Web API client with the bot token ({@link SlackAdapter#methods()})
   */
  public SlackChatPort(MethodsClient methods, Limits limits) {
    this(methods, limits, DmChannels.inMemory());
  }

  /**
   * @param methods a Web API client with the bot token ({@link SlackAdapter#methods()})
   * @param channels where the DM channels opened are kept (the core's, in the database, so a
   *     restart opens none again)
   */
  public SlackChatPort(MethodsClient methods, Limits limits, DmChannels channels) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.conversations =
        new SlackConversations(methods, limits, Objects.requireNonNull(channels, "channels"));
    this.history = new SlackHistory(methods, limits);
    this.uploads = new SlackFileUploads(methods, limits);
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public DeliveryResult deliver(OutgoingMessage message) {
    try {
      ChatTarget target = message.target();
      if (target instanceof ChatTarget.AppHome home) {
        return publishHome(home.userId(), message.reply());
      }
      SlackConversations.Opened channel = channelOf(target);
      if (channel.failure() != null) {
        return channel.failure();
      }
      return message.hasUploads()
          ? postWithCharts(channel.channelId(), message)
          : postBlocks(channel.channelId(), message);
    } catch (SlackApiException e) {
      return SlackErrors.fromException(e);
    } catch (IOException e) {
      return DeliveryResult.transientFailure("I/O: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.transientFailure("interrupted while waiting for a rate-limit permit");
    }
  }

  /**
   * Reads the conversation's history since {@code since} (less {@link SlackHistory#HISTORY_SKEW})
   * for a message tagged with this message's key. App Home views are published again instead:
   * {@code views.publish} replaces the view, so a repeat is harmless.
   */
  @Override
  public Optional<DeliveryResult> findEarlierDelivery(OutgoingMessage message, Instant since) {
    try {
      ChatTarget target = message.target();
      if (target instanceof ChatTarget.AppHome) {
        return Optional.empty();
      }
      SlackConversations.Opened channel = channelOf(target);
      if (channel.failure() != null) {
        return Optional.of(channel.failure());
      }
      return history.find(channel.channelId(), message, since);
    } catch (SlackApiException e) {
      return Optional.of(SlackErrors.fromException(e));
    } catch (IOException e) {
      return Optional.of(DeliveryResult.transientFailure("I/O: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          DeliveryResult.transientFailure("interrupted while waiting for a rate-limit permit"));
    }
  }

  /** A channel's own id, or the DM or group DM of the people, opened when not cached. */
  private SlackConversations.Opened channelOf(ChatTarget target)
      throws IOException, SlackApiException, InterruptedException {
    if (target instanceof ChatTarget.ChannelMessage channel) {
      return new SlackConversations.Opened(channel.channelId(), null);
    }
    return conversations.channel(target);
  }

  private DeliveryResult postBlocks(String channel, OutgoingMessage message)
      throws IOException, SlackApiException, InterruptedException {
    limits.postMessagePerChannel().acquire(channel);
    limits.workspace().acquire("workspace");
    Reply reply = message.reply();
    ChatPostMessageResponse posted =
        methods.chatPostMessage(
            r ->
                r.channel(channel)
                    .text(BlockKit.fallbackText(reply))
                    .blocks(BlockKit.blocks(reply))
                    .metadata(SlackHistory.metadata(message)));
    if (!posted.isOk()) {
      conversations.forgetIfStale(message.target(), posted.getError());
      return SlackErrors.failure(posted);
    }
    return DeliveryResult.delivered(posted.getChannel() + "/" + posted.getTs());
  }

  /**
   * Uploads the charts and files, then shares them in {@code channel} with the reply; see the class
   * doc.
   */
  private DeliveryResult postWithCharts(String channel, OutgoingMessage message)
      throws IOException, SlackApiException, InterruptedException {
    SlackFileUploads.Uploaded uploaded = uploads.upload(message);
    if (uploaded.failure() != null) {
      return uploaded.failure();
    }
    List<FileDetails> files = uploaded.files();
    Reply reply = message.reply();
    boolean interactive = !reply.buttons().isEmpty() || reply.form() != null;
    String messageRef = null;
    if (interactive) {
      DeliveryResult posted = postBlocks(channel, message);
      if (!(posted instanceof DeliveryResult.Delivered delivered)) {
        return posted;
      }
      messageRef = delivered.messageRef();
    }
    String comment = interactive ? null : BlockKit.mrkdwn(reply);
    limits.postMessagePerChannel().acquire(channel);
    limits.workspace().acquire("workspace");
    FilesCompleteUploadExternalResponse shared =
        methods.filesCompleteUploadExternal(
            r -> r.files(files).channelId(channel).initialComment(comment));
    if (!shared.isOk()) {
      conversations.forgetIfStale(message.target(), shared.getError());
      return SlackErrors.failure(shared);
    }
    String fileIds = String.join(",", files.stream().map(FileDetails::getId).toList());
    return DeliveryResult.delivered(
        messageRef != null ? messageRef + "+" + fileIds : channel + "/" + fileIds);
  }

  private DeliveryResult publishHome(String userId, Reply reply)
      throws IOException, SlackApiException, InterruptedException {
    limits.viewsPublish().acquire("views.publish");
    limits.workspace().acquire("workspace");
    ViewsPublishResponse published =
        methods.viewsPublish(
            r ->
                r.userId(userId)
                    .view(View.builder().type("home").blocks(BlockKit.blocks(reply)).build()));
    if (!published.isOk()) {
      return SlackErrors.failure(published);
    }
    return DeliveryResult.delivered("home/" + userId + "/" + published.getView().getId());
  }
}
