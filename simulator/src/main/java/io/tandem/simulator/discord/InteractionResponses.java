package io.tandem.simulator.discord;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Map;

/**
 * The bot's answers to interactions, as the REST server receives them: the one callback per
 * interaction, follow-ups and edits through the interaction's webhook token. Each shown message is
 * stored, recorded on its {@link InteractionResult} and said in the transcript.
 */
final class InteractionResponses {
  private final Guild guild;
  private final Interactions interactions;
  private final MessageStore messages;
  private final TranscriptLog transcript;

  InteractionResponses(
      Guild guild, Interactions interactions, MessageStore messages, TranscriptLog transcript) {
    this.guild = guild;
    this.interactions = interactions;
    this.messages = messages;
    this.transcript = transcript;
  }

  /**
   * Answers {@code POST interactions/{id}/{token}/callback}; null when unknown or already acked.
   */
  JsonObject callback(String id, String token, JsonObject body) {
    InteractionResult result = interactions.byId(id);
    if (result == null || !result.token().equals(token)) {
      return null;
    }
    int type = Json.integer(body, "type", 0);
    JsonObject data = Json.object(body, "data");
    Duration latency = Duration.ofNanos(System.nanoTime() - result.dispatchedNanos());
    if (!result.acknowledge(new InteractionCallback(type, data, latency))) {
      return null;
    }
    JsonObject resource = new JsonObject();
    resource.addProperty("type", type);
    switch (type) {
      case InteractionCallback.CHANNEL_MESSAGE -> {
        DiscordMessage shown = show(result, data, guild.ids.next(), 20);
        result.originalMessageId(shown.id());
        resource.add("message", shown.json());
      }
      case InteractionCallback.UPDATE_MESSAGE -> {
        DiscordMessage original = messages.get(result.originalMessageId());
        if (original != null) {
          JsonObject merged = original.json().deepCopy();
          data.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
          String messageId = Json.string(original.json(), "id", guild.ids.next());
          resource.add("message", show(result, merged, messageId, 0).json());
        }
      }
      case InteractionCallback.MODAL -> {
        DiscordModal modal =
            new DiscordModal(
                Json.string(data, "custom_id", ""), Json.string(data, "title", ""), data);
        result.openModal(modal);
        transcript.say(
            TranscriptEntry.Speaker.BOT,
            guild.botName,
            "opens form \"" + modal.title() + "\"",
            true);
      }
      default -> {
        // 5 and 6 show nothing yet
      }
    }
    JsonObject answer = new JsonObject();
    JsonObject interaction = new JsonObject();
    interaction.addProperty("id", id);
    interaction.addProperty("type", 0);
    answer.add("interaction", interaction);
    answer.add("resource", resource);
    return answer;
  }

  /** Answers {@code POST webhooks/{app}/{token}}: a follow-up, or the deferred original. */
  JsonObject followUp(String token, JsonObject body) {
    InteractionResult result = interactions.byToken(token);
    if (result == null || !result.acknowledged()) {
      return null;
    }
    JsonObject data = body.deepCopy();
    if (result.takePendingOriginal()) {
      data.addProperty("flags", Json.integer(data, "flags", 0) | result.deferredFlags());
      DiscordMessage shown = show(result, data, guild.ids.next(), 20);
      result.originalMessageId(shown.id());
      return shown.json();
    }
    return show(result, data, guild.ids.next(), 0).json();
  }

  /** Answers {@code PATCH webhooks/{app}/{token}/messages/{id}}. */
  JsonObject edit(String token, String messageId, JsonObject body) {
    InteractionResult result = interactions.byToken(token);
    if (result == null || !result.acknowledged()) {
      return null;
    }
    boolean original = messageId.equals("@original");
    String id = original ? result.originalMessageId() : messageId;
    JsonObject data = new JsonObject();
    if (original && result.takePendingOriginal()) {
      data.addProperty("flags", result.deferredFlags());
      id = guild.ids.next();
      result.originalMessageId(id);
    } else if (id != null && messages.contains(id)) {
      data = messages.get(id).json().deepCopy();
    } else {
      return null;
    }
    for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
      if (!entry.getKey().equals("flags")) {
        data.add(entry.getKey(), entry.getValue());
      }
    }
    return show(result, data, id, original ? 20 : 0).json();
  }

  /** Answers {@code DELETE webhooks/{app}/{token}/messages/{id}}; false when unknown. */
  boolean delete(String token, String messageId) {
    InteractionResult result = interactions.byToken(token);
    if (result == null) {
      return false;
    }
    boolean original = messageId.equals("@original");
    if (original && result.takePendingOriginal()) {
      return true;
    }
    String id = original ? result.originalMessageId() : messageId;
    if (id == null || !messages.remove(id)) {
      return false;
    }
    transcript.say(TranscriptEntry.Speaker.BOT, guild.botName, "(deletes a message)", true);
    return true;
  }

  /** Answers {@code GET webhooks/{app}/{token}/messages/{id}}. */
  JsonObject message(String token, String messageId) {
    InteractionResult result = interactions.byToken(token);
    if (result == null) {
      return null;
    }
    String id = messageId.equals("@original") ? result.originalMessageId() : messageId;
    DiscordMessage message = messages.get(id);
    return message == null ? null : message.json();
  }

  private DiscordMessage show(InteractionResult result, JsonObject data, String id, int type) {
    DiscordMessage message = messages.store(id, result.channelId(), data, type, true);
    result.show(message);
    transcript.say(
        TranscriptEntry.Speaker.BOT, guild.botName, message.render(), message.ephemeral());
    return message;
  }
}
