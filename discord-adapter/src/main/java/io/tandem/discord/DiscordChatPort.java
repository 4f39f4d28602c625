package io.tandem.discord;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * Delivers outbox messages to Discord through JDA ({@link ChatPort}; threading and transactions as
 * documented there). Blocks on JDA's REST calls ({@code complete()}), so it must run on the outbox
 * workers, never on a JDA thread.
 *
 * <ul>
 *   <li>DM: opens the private channel once per person (kept here; JDA caches it too), then sends
 *       the {@link io.tandem.core.port.in.Reply} rendered by {@link ReplyRenderer}. Channel: sends
 *       to a guild channel JDA knows. Group messages: Discord has no group DMs for bots, and the
 *       outbox queues one DM per person instead, so this port refuses them as a permanent failure.
 *       App Home: Discord has none; delivered as a no-op.
 *   <li>Charts ({@link OutgoingMessage#attachments()}): drawn as PNGs and attached to the same
 *       message ({@code multipart/form-data}: {@code payload_json} and one file part each), with
 *       the chart's title as the file's description (alt text).
 *   <li>Idempotency: each message carries a {@code nonce} derived from its outbox key, and JDA sets
 *       {@code enforce_nonce}, so Discord answers a repeat of the same message (a re-send after a
 *       crash, within a few minutes) with the message already created instead of a duplicate. So
 *       the port keeps {@link ChatPort#findEarlierDelivery}'s default: a message whose earlier
 *       attempt has an unknown outcome is simply sent again with the same nonce. Discord's window
 *       is undocumented ("the past few minutes"); a repeat after a longer outage is not
 *       deduplicated, since Discord's history does not return nonces to look for.
 *   <li>Pacing: JDA already follows Discord's per-route buckets ({@code X-RateLimit-*} headers) and
 *       waits out every 429 (route, global and Cloudflare) before retrying by itself; see its
 *       {@code SequentialRestRateLimiter}. It does not cap the global rate in advance, so this port
 *       takes a permit from the global limiter (e.g. 50/s) before each REST call, and nothing more.
 *   <li>Errors: 5xx and I/O failures are transient; "cannot send messages to this user" (50007),
 *       unknown user or channel, missing access or permissions and other 4xx are permanent.
 * </ul>
 */
public final class DiscordChatPort implements ChatPort {

  /** Discord allows nonces of at most 25 characters. */
  static final int NONCE_LENGTH = 25;

  private static final Set<ErrorResponse> TRANSIENT = Set.of(ErrorResponse.SERVER_ERROR);

  private final JDA jda;
  private final RateLimiter global;
  private final Map<String, PrivateChannel> dms = new ConcurrentHashMap<>();

  /**
   * @param jda the running client ({@link DiscordBot#jda()})
   * @param global the global request budget, one key
   */
  public DiscordChatPort(JDA jda, RateLimiter global) {
    this.jda = Objects.requireNonNull(jda, "jda");
    this.global = Objects.requireNonNull(global, "global");
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public DeliveryResult deliver(OutgoingMessage message) {
    ChatTarget target = message.target();
    try {
      if (target instanceof ChatTarget.AppHome) {
        return DeliveryResult.delivered(null);
      }
      if (target instanceof ChatTarget.GroupMessage) {
        return DeliveryResult.permanentFailure(
            "Discord has no group DMs for bots; queue one direct message per person");
      }
      MessageChannel channel;
      if (target instanceof ChatTarget.DirectMessage dm) {
        channel = privateChannel(dm.userId());
      } else {
        String id = ((ChatTarget.ChannelMessage) target).channelId();
        channel = jda.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
          return DeliveryResult.permanentFailure("unknown channel " + id);
        }
      }
      MessageCreateAction action =
          channel
              .sendMessage(ReplyRenderer.create(message.reply()))
              .setNonce(nonce(message.dedupKey()));
      if (message.hasUploads()) {
        action = action.addFiles(files(message.uploads()));
      }
      global.acquire("discord");
      Message sent = action.complete();
      return DeliveryResult.delivered(channel.getId() + "/" + sent.getId());
    } catch (ErrorResponseException e) {
      if (target instanceof ChatTarget.DirectMessage dm
          && e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
        dms.remove(dm.userId());
      }
      return fromError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.transientFailure("interrupted");
    } catch (RuntimeException e) {
      if (e.getCause() instanceof RateLimitedException limited) {
        return DeliveryResult.retryAfter(
            Duration.ofMillis(Math.max(0, limited.getRetryAfter())), "rate limited");
      }
      // timeouts, connection failures, JDA shutting down: worth another try
      return DeliveryResult.transientFailure(e.toString());
    }
  }

  private static List<FileUpload> files(List<OutgoingMessage.Upload> uploads) {
    List<FileUpload> files = new ArrayList<>();
    for (OutgoingMessage.Upload upload : uploads) {
      files.add(
          FileUpload.fromData(upload.bytes(), upload.fileName()).setDescription(upload.title()));
    }
    return files;
  }

  private PrivateChannel privateChannel(String userId) throws InterruptedException {
    PrivateChannel cached = dms.get(userId);
    if (cached != null) {
      return cached;
    }
    global.acquire("discord");
    PrivateChannel opened = jda.openPrivateChannelById(userId).complete();
    dms.put(userId, opened);
    return opened;
  }

  static DeliveryResult fromError(ErrorResponseException e) {
    String error =
        e.getErrorCode() > 0
            ? e.getErrorCode() + " " + e.getMeaning()
            : "HTTP " + e.getResponse().code + " " + e.getMeaning();
    if (e.isServerError() || TRANSIENT.contains(e.getErrorResponse())) {
      return DeliveryResult.transientFailure(error);
    }
    return DeliveryResult.permanentFailure(error);
  }

  /** A 25-character nonce that is the same for every try of one outbox message. */
  static String nonce(String dedupKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(hash)
          .substring(0, NONCE_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
