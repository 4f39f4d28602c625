package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.Message;
import com.slack.api.model.view.View;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers outbox messages to Slack through the Web API ({@link ChatPort}; threading and
 * transactions as documented there).
 *
 * <ul>
 *   <li>DM: {@code conversations.open users=U} once per person (the channel id is cached), then
 *       {@code chat.postMessage} there; group DM: the same with {@code users=U1,U2}; channel:
 *       {@code chat.postMessage}; App Home: {@code views.publish}.
 *   <li>Content: the {@link Reply} as Block Kit ({@link BlockKit}), with its fallback text; each
 *       message carries its outbox key in its metadata ({@code event_type: tandem_outbox}, {@code
 *       event_payload: {dedup_key}}).
 *   <li>Exactly once: {@code chat.postMessage} has no idempotency key, so when an earlier attempt's
 *       outcome is unknown, {@link #findEarlierDelivery} reads the conversation's history since
 *       that attempt ({@code conversations.history} with {@code include_all_metadata}, a minute of
 *       clock skew allowed, newest first, a few pages at most) for a message with the key. It needs
 *       the {@code im:history}, {@code mpim:history} and {@code channels:history} scopes.
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

  /** Slack errors worth retrying with backoff; any other error is permanent. */
  private static final Set<String> TRANSIENT_ERRORS =
      Set.of(
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "ratelimited",
          "team_added_to_org");

  /** The errors that mean a cached conversation id is no longer good. */
  private static final Set<String> STALE_CHANNEL_ERRORS =
      Set.of("channel_not_found", "is_archived", "not_in_channel");

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

  /** How long the POST of one file's bytes to its {@code upload_url} may take. */
  private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(30);

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
  private final Limits limits;
  private final Map<String, String> conversations = new ConcurrentHashMap<>();
  private final HttpClient uploads =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param methods a Web API client with the bot token ({@link SlackAdapter#methods()})
   */
  public SlackChatPort(MethodsClient methods, Limits limits) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.limits = Objects.requireNonNull(limits, "limits");
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
      if (target instanceof ChatTarget.ChannelMessage channel) {
        return post(channel.channelId(), message, null);
      }
      String cacheKey = cacheKey(target);
      String channel = conversations.get(cacheKey);
      if (channel == null) {
        ConversationsOpenResponse opened = open(target, cacheKey);
        if (!opened.isOk()) {
          return failure(opened);
        }
        channel = opened.getChannel().getId();
      }
      return post(channel, message, cacheKey);
    } catch (SlackApiException e) {
      return fromException(e);
    } catch (IOException e) {
      return DeliveryResult.transientFailure("I/O: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.transientFailure("interrupted while waiting for a rate-limit permit");
    }
  }

  /**
   * Reads the conversation's history since {@code since} (less {@link #HISTORY_SKEW}) for a message
   * tagged with this message's key. App Home views are published again instead: {@code
   * views.publish} replaces the view, so a repeat is harmless.
   */
  @Override
  public Optional<DeliveryResult> findEarlierDelivery(OutgoingMessage message, Instant since) {
    try {
      ChatTarget target = message.target();
      if (target instanceof ChatTarget.AppHome) {
        return Optional.empty();
      }
      String channel;
      if (target instanceof ChatTarget.ChannelMessage c) {
        channel = c.channelId();
      } else {
        String cacheKey = cacheKey(target);
        channel = conversations.get(cacheKey);
        if (channel == null) {
          ConversationsOpenResponse opened = open(target, cacheKey);
          if (!opened.isOk()) {
            return Optional.of(failure(opened));
          }
          channel = opened.getChannel().getId();
        }
      }
      String oldest = slackTs(since.minus(HISTORY_SKEW));
      String cursor = null;
      for (int page = 0; page < HISTORY_PAGES; page++) {
        limits.conversationsHistory().acquire("conversations.history");
        limits.workspace().acquire("workspace");
        String channelId = channel;
        String pageCursor = cursor;
        ConversationsHistoryResponse history =
            methods.conversationsHistory(
                r ->
                    r.channel(channelId)
                        .oldest(oldest)
                        .inclusive(true)
                        .limit(HISTORY_PAGE)
                        .includeAllMetadata(true)
                        .cursor(pageCursor));
        if (!history.isOk()) {
          return Optional.of(failure(history));
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
    } catch (SlackApiException e) {
      return Optional.of(fromException(e));
    } catch (IOException e) {
      return Optional.of(DeliveryResult.transientFailure("I/O: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          DeliveryResult.transientFailure("interrupted while waiting for a rate-limit permit"));
    }
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

  private static String cacheKey(ChatTarget target) {
    return String.join(",", users(target).stream().sorted().toList());
  }

  private static List<String> users(ChatTarget target) {
    return target instanceof ChatTarget.GroupMessage group
        ? group.userIds()
        : List.of(((ChatTarget.DirectMessage) target).userId());
  }

  /** Opens the DM or group DM of {@code target} and caches its id when Slack answers ok. */
  private ConversationsOpenResponse open(ChatTarget target, String cacheKey)
      throws IOException, SlackApiException, InterruptedException {
    limits.conversationsOpen().acquire("conversations.open");
    limits.workspace().acquire("workspace");
    List<String> users = users(target);
    ConversationsOpenResponse opened =
        methods.conversationsOpen(r -> r.users(users).returnIm(false));
    if (opened.isOk()) {
      conversations.put(cacheKey, opened.getChannel().getId());
    }
    return opened;
  }

  private DeliveryResult post(String channel, OutgoingMessage message, String cacheKey)
      throws IOException, SlackApiException, InterruptedException {
    if (message.hasUploads()) {
      return postWithCharts(channel, message, cacheKey);
    }
    return postBlocks(channel, message, cacheKey);
  }

  private DeliveryResult postBlocks(String channel, OutgoingMessage message, String cacheKey)
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
                    .metadata(
                        Message.Metadata.builder()
                            .eventType(METADATA_EVENT_TYPE)
                            .eventPayload(Map.of(METADATA_KEY, message.dedupKey()))
                            .build()));
    if (!posted.isOk()) {
      if (cacheKey != null && STALE_CHANNEL_ERRORS.contains(posted.getError())) {
        conversations.remove(cacheKey);
      }
      return failure(posted);
    }
    return DeliveryResult.delivered(posted.getChannel() + "/" + posted.getTs());
  }

  /**
   * Uploads the charts and files, then shares them in {@code channel} with the reply; see the class
   * doc.
   */
  private DeliveryResult postWithCharts(String channel, OutgoingMessage message, String cacheKey)
      throws IOException, SlackApiException, InterruptedException {
    List<FilesCompleteUploadExternalRequest.FileDetails> files = new ArrayList<>();
    for (OutgoingMessage.Upload attachment : message.uploads()) {
      byte[] bytes = attachment.bytes();
      limits.workspace().acquire("workspace");
      FilesGetUploadURLExternalResponse url =
          methods.filesGetUploadURLExternal(
              r ->
                  r.filename(attachment.fileName())
                      .length(bytes.length)
                      .altTxt(attachment.title()));
      if (!url.isOk()) {
        return failure(url);
      }
      DeliveryResult failed = upload(url.getUploadUrl(), bytes);
      if (failed != null) {
        return failed;
      }
      files.add(
          FilesCompleteUploadExternalRequest.FileDetails.builder()
              .id(url.getFileId())
              .title(attachment.title())
              .build());
    }
    Reply reply = message.reply();
    boolean interactive = !reply.buttons().isEmpty() || reply.form() != null;
    String messageRef = null;
    if (interactive) {
      DeliveryResult posted = postBlocks(channel, message, cacheKey);
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
      if (cacheKey != null && STALE_CHANNEL_ERRORS.contains(shared.getError())) {
        conversations.remove(cacheKey);
      }
      return failure(shared);
    }
    String fileIds =
        String.join(
            ",",
            files.stream().map(FilesCompleteUploadExternalRequest.FileDetails::getId).toList());
    return DeliveryResult.delivered(
        messageRef != null ? messageRef + "+" + fileIds : channel + "/" + fileIds);
  }

  /**
   * POSTs one file's bytes to its {@code upload_url}.
   *
   * @return {@code null} when Slack took them, else the failure
   */
  private DeliveryResult upload(String uploadUrl, byte[] bytes)
      throws IOException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(uploadUrl);
    } catch (IllegalArgumentException | NullPointerException e) {
      return DeliveryResult.permanentFailure(
          "files.getUploadURLExternal gave no usable upload_url");
    }
    limits.workspace().acquire("workspace");
    HttpResponse<String> response =
        uploads.send(
            HttpRequest.newBuilder(uri)
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (status == 200) {
      return null;
    }
    if (status == 429) {
      return DeliveryResult.retryAfter(
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)),
          "file upload rate-limited");
    }
    if (status >= 500) {
      return DeliveryResult.transientFailure("file upload: HTTP " + status);
    }
    // an upload_url lapses after a while; a new try asks for a new one
    return DeliveryResult.transientFailure("file upload refused: HTTP " + status);
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
      return failure(published);
    }
    return DeliveryResult.delivered("home/" + userId + "/" + published.getView().getId());
  }

  /** Maps a response with {@code ok: false}. */
  static DeliveryResult failure(SlackApiTextResponse response) {
    return classify(response.getError(), Duration.ofSeconds(1));
  }

  static DeliveryResult classify(String error, Duration retryAfter) {
    if ("ratelimited".equals(error)) {
      return DeliveryResult.retryAfter(retryAfter, error);
    }
    if (error == null || TRANSIENT_ERRORS.contains(error)) {
      return DeliveryResult.transientFailure(error == null ? "unknown error" : error);
    }
    return DeliveryResult.permanentFailure(error);
  }

  /** Maps an HTTP answer other than 200. */
  static DeliveryResult fromException(SlackApiException e) {
    int status = e.getResponse().code();
    String error = e.getError() != null ? e.getError().getError() : null;
    if (status == 429) {
      return DeliveryResult.retryAfter(
          retryAfter(e.getResponse().header("Retry-After")), error == null ? "HTTP 429" : error);
    }
    if (status >= 500) {
      return DeliveryResult.transientFailure("HTTP " + status + (error == null ? "" : " " + error));
    }
    if (error != null) {
      return classify(error, Duration.ofSeconds(1));
    }
    return DeliveryResult.permanentFailure("HTTP " + status);
  }

  /** {@code Retry-After} in seconds; one second when missing or unreadable. */
  static Duration retryAfter(String header) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    return Duration.ofSeconds(1);
  }

  /** How many conversations are cached (for tests and metrics). */
  int cachedConversations() {
    return conversations.size();
  }
}
