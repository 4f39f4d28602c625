package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.Message;
import com.slack.api.model.view.View;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *       message carries its outbox key in its metadata ({@code event_type: tandem_outbox}), since
 *       {@code chat.postMessage} has no idempotency key: a duplicate after a crash can be spotted.
 *   <li>Charts ({@link OutgoingMessage#attachments()}): each is drawn as a PNG and uploaded with
 *       Slack's external upload flow: {@code files.getUploadURLExternal} (file name, length, alt
 *       text), a POST of the bytes to the {@code upload_url} it returns, then one {@code
 *       files.completeUploadExternal} with {@code channel_id} and each file's title, which shares
 *       them in the conversation. A reply without buttons or form becomes that call's {@code
 *       initial_comment} (text and fields as mrkdwn), so text and charts arrive as one message; a
 *       reply with buttons is posted first as usual, and the charts follow it. Uploads that were
 *       never completed (a failure half-way, then a retry) are not shown anywhere; Slack discards
 *       them.
 *   <li>Pacing, before each call: {@code chat.postMessage} per channel, a workspace-wide budget for
 *       every call, {@code conversations.open} (Tier 3) and {@code views.publish} (Tier 4).
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
   */
  public record Limits(
      RateLimiter postMessagePerChannel,
      RateLimiter workspace,
      RateLimiter conversationsOpen,
      RateLimiter viewsPublish) {
    public Limits {
      Objects.requireNonNull(postMessagePerChannel, "postMessagePerChannel");
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(conversationsOpen, "conversationsOpen");
      Objects.requireNonNull(viewsPublish, "viewsPublish");
    }

    public static Limits unlimited() {
      RateLimiter none = RateLimiter.unlimited();
      return new Limits(none, none, none, none);
    }
  }

  /** How long the POST of one file's bytes to its {@code upload_url} may take. */
  private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(30);

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
      List<String> users =
          target instanceof ChatTarget.GroupMessage group
              ? group.userIds()
              : List.of(((ChatTarget.DirectMessage) target).userId());
      String cacheKey = String.join(",", users.stream().sorted().toList());
      String channel = conversations.get(cacheKey);
      if (channel == null) {
        limits.conversationsOpen().acquire("conversations.open");
        limits.workspace().acquire("workspace");
        ConversationsOpenResponse opened =
            methods.conversationsOpen(r -> r.users(users).returnIm(false));
        if (!opened.isOk()) {
          return failure(opened);
        }
        channel = opened.getChannel().getId();
        conversations.put(cacheKey, channel);
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

  private DeliveryResult post(String channel, OutgoingMessage message, String cacheKey)
      throws IOException, SlackApiException, InterruptedException {
    if (!message.attachments().isEmpty()) {
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
                            .eventType("tandem_outbox")
                            .eventPayload(Map.of("dedup_key", message.dedupKey()))
                            .build()));
    if (!posted.isOk()) {
      if (cacheKey != null && STALE_CHANNEL_ERRORS.contains(posted.getError())) {
        conversations.remove(cacheKey);
      }
      return failure(posted);
    }
    return DeliveryResult.delivered(posted.getChannel() + "/" + posted.getTs());
  }

  /** Uploads the charts, then shares them in {@code channel} with the reply; see the class doc. */
  private DeliveryResult postWithCharts(String channel, OutgoingMessage message, String cacheKey)
      throws IOException, SlackApiException, InterruptedException {
    List<FilesCompleteUploadExternalRequest.FileDetails> files = new ArrayList<>();
    for (ChartAttachment attachment : message.attachments()) {
      byte[] png = attachment.png();
      limits.workspace().acquire("workspace");
      FilesGetUploadURLExternalResponse url =
          methods.filesGetUploadURLExternal(
              r ->
                  r.filename(attachment.fileName())
                      .length(png.length)
                      .altTxt(attachment.altText()));
      if (!url.isOk()) {
        return failure(url);
      }
      DeliveryResult failed = upload(url.getUploadUrl(), png);
      if (failed != null) {
        return failed;
      }
      files.add(
          FilesCompleteUploadExternalRequest.FileDetails.builder()
              .id(url.getFileId())
              .title(attachment.altText())
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
