package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.tandem.simulator.http.MultipartForm;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every message the bot has on screen, whether it answered an interaction or posted to a channel or
 * DM, with their attachments; and {@code POST channels/{id}/messages} with Discord's nonce rule.
 */
final class MessageStore {
  /** A nonce the bot sent with {@code enforce_nonce}: the message it created, and when. */
  private record SeenNonce(String messageId, Instant at) {}

  private final Guild guild;
  private final GuildJson json;
  private final TranscriptLog transcript;
  private final Supplier<URI> restUrl;
  private final Map<String, DiscordMessage> messages = new ConcurrentHashMap<>();
  private final Journal<DiscordMessage> channelMessages = new Journal<>();
  private final Map<String, List<DiscordAttachment>> attachments = new ConcurrentHashMap<>();

  /** The bot's enforced nonces (Discord keeps them per author; the bot is the only author here). */
  private final Map<String, SeenNonce> nonces = new ConcurrentHashMap<>();

  MessageStore(Guild guild, GuildJson json, TranscriptLog transcript, Supplier<URI> restUrl) {
    this.guild = guild;
    this.json = json;
    this.transcript = transcript;
    this.restUrl = restUrl;
  }

  DiscordMessage get(String id) {
    return id == null ? null : messages.get(id);
  }

  boolean contains(String id) {
    return messages.containsKey(id);
  }

  /** Removes a message; false when there was none. */
  boolean remove(String id) {
    return messages.remove(id) != null;
  }

  /** Messages posted with {@code POST channels/{id}/messages}. */
  List<DiscordMessage> channelMessages() {
    return channelMessages.snapshot();
  }

  List<DiscordMessage> awaitChannelMessages(
      Predicate<DiscordMessage> filter, int count, Duration timeout, String what) {
    return channelMessages.await(filter, count, timeout, what);
  }

  List<DiscordAttachment> attachments(DiscordMessage message) {
    return attachments.getOrDefault(message.id(), List.of());
  }

  /** The newest bot message with a button of this custom id. */
  Optional<DiscordMessage> latestWithButton(String customId) {
    return messages.values().stream()
        .filter(m -> m.buttons().stream().anyMatch(b -> customId.equals(b.customId())))
        .max(
            (a, b) ->
                Long.compareUnsigned(
                    Long.parseUnsignedLong(a.id()), Long.parseUnsignedLong(b.id())));
  }

  /** Answers {@code POST channels/{id}/messages}; null for unknown channels. */
  synchronized JsonObject createChannelMessage(
      String channel, JsonObject body, List<MultipartForm.Part> files) {
    if (!guild.hasChannel(channel) && !guild.isDmChannel(channel)) {
      return null;
    }
    String nonce = Json.string(body, "nonce", null);
    boolean enforceNonce =
        nonce != null
            && body.has("enforce_nonce")
            && body.get("enforce_nonce").isJsonPrimitive()
            && body.get("enforce_nonce").getAsBoolean();
    if (enforceNonce) {
      // Discord: a repeat of an enforced nonce within minutes returns the first message, unsent
      SeenNonce seen = nonces.get(nonce);
      DiscordMessage first = seen == null ? null : messages.get(seen.messageId());
      if (first != null
          && seen.at().plus(DiscordSimulator.NONCE_WINDOW).isAfter(guild.clock.instant())) {
        JsonObject answer = first.json().deepCopy();
        answer.addProperty("nonce", nonce);
        return answer;
      }
    }
    JsonObject data = body.deepCopy();
    data.remove("flags");
    DiscordMessage message = store(guild.ids.next(), channel, data, 0, false);
    if (!files.isEmpty()) {
      attach(message, Json.array(body, "attachments"), files);
    }
    if (enforceNonce) {
      nonces.put(nonce, new SeenNonce(message.id(), guild.clock.instant()));
    }
    HeldUntilRecorded.publish(() -> channelMessages.append(message));
    String where = guild.describe(channel);
    transcript.say(
        TranscriptEntry.Speaker.BOT, guild.botName + " (" + where + ")", message.render(), false);
    JsonObject answer = message.json().deepCopy();
    if (nonce != null) {
      answer.addProperty("nonce", nonce);
    }
    return answer;
  }

  /**
   * Stores what the bot sent as Discord shows it: the fields Discord keeps, with the ones it adds
   * (author, timestamps, embed types, component ids).
   */
  DiscordMessage store(
      String id, String channel, JsonObject data, int type, boolean fromInteraction) {
    JsonObject message = skeleton(id, channel, type, fromInteraction);
    for (Map.Entry<String, JsonElement> entry : data.entrySet()) {
      switch (entry.getKey()) {
        case "content", "embeds", "components", "flags", "tts" ->
            message.add(
                entry.getKey(),
                entry.getValue().isJsonNull() ? message.get(entry.getKey()) : entry.getValue());
        default -> {
          // allowed_mentions, attachments metadata and the like are not stored
        }
      }
    }
    for (JsonElement embed : Json.array(message, "embeds")) {
      // Discord adds the type; JDA refuses to parse an embed without it.
      if (embed.isJsonObject() && !embed.getAsJsonObject().has("type")) {
        embed.getAsJsonObject().addProperty("type", "rich");
      }
    }
    assignComponentIds(Json.array(message, "components"), new int[] {1});
    DiscordMessage stored = new DiscordMessage(id, channel, message);
    messages.put(id, stored);
    return stored;
  }

  private JsonObject skeleton(String id, String channel, int type, boolean fromInteraction) {
    JsonObject message = new JsonObject();
    message.addProperty("id", id);
    message.addProperty("type", type);
    message.addProperty("channel_id", channel);
    if (guild.hasChannel(channel)) {
      message.addProperty("guild_id", guild.guildId);
    }
    message.add("author", json.botUser());
    message.addProperty("content", "");
    message.add("embeds", new JsonArray());
    message.add("components", new JsonArray());
    message.add("attachments", new JsonArray());
    message.add("mentions", new JsonArray());
    message.add("mention_roles", new JsonArray());
    message.addProperty("mention_everyone", false);
    message.addProperty("pinned", false);
    message.addProperty("tts", false);
    message.addProperty("timestamp", guild.clock.instant().toString());
    message.add("edited_timestamp", JsonNull.INSTANCE);
    message.addProperty("flags", 0);
    if (fromInteraction) {
      message.addProperty("webhook_id", guild.applicationId);
      message.addProperty("application_id", guild.applicationId);
    }
    return message;
  }

  private static void assignComponentIds(JsonArray components, int[] next) {
    for (JsonElement element : components) {
      JsonObject component = element.getAsJsonObject();
      if (!component.has("id") || component.get("id").isJsonNull()) {
        component.addProperty("id", next[0]);
      }
      next[0]++;
      assignComponentIds(Json.array(component, "components"), next);
    }
  }

  /**
   * Stores the uploaded files of a message and lists them in its {@code attachments}, as Discord
   * answers them; the description comes from the matching {@code payload_json} attachment entry.
   */
  private void attach(DiscordMessage message, JsonArray declared, List<MultipartForm.Part> files) {
    JsonArray listed = new JsonArray();
    List<DiscordAttachment> stored = new ArrayList<>();
    for (MultipartForm.Part file : files) {
      String description = description(declared, file);
      String id = guild.ids.next();
      String contentType =
          file.filename().toLowerCase(Locale.ROOT).endsWith(".png")
              ? "image/png"
              : file.contentType();
      String url =
          restUrl
              .get()
              .resolve("/attachments/" + message.channelId() + "/" + id + "/" + file.filename())
              .toString();
      JsonObject entry = new JsonObject();
      entry.addProperty("id", id);
      entry.addProperty("filename", file.filename());
      entry.addProperty("description", description);
      entry.addProperty("content_type", contentType);
      entry.addProperty("size", file.bytes().length);
      entry.addProperty("url", url);
      entry.addProperty("proxy_url", url);
      listed.add(entry);
      stored.add(
          new DiscordAttachment(
              id, message.id(), file.filename(), description, contentType, file.bytes()));
    }
    message.json().add("attachments", listed);
    attachments.put(message.id(), List.copyOf(stored));
  }

  private static String description(JsonArray declared, MultipartForm.Part file) {
    String description = "";
    for (JsonElement element : declared) {
      JsonObject entry = element.getAsJsonObject();
      if (Json.string(entry, "filename", "").equals(file.filename())
          || ("files[" + Json.string(entry, "id", "") + "]").equals(file.name())) {
        description = Json.string(entry, "description", "");
      }
    }
    return description;
  }
}
