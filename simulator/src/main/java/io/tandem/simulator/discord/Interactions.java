package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What people do that reaches the bot as an INTERACTION_CREATE: a slash command, a button click, a
 * modal submission. Each is built as Discord builds it (guild member or DM user, permissions, the
 * message a button sits on) and remembered by id and token for the bot's responses.
 */
final class Interactions {
  private static final int APPLICATION_COMMAND = 2;
  private static final int MESSAGE_COMPONENT = 3;
  private static final int MODAL_SUBMIT = 5;

  private final Guild guild;
  private final GuildJson json;
  private final CommandRegistry commands;
  private final MessageStore messages;
  private final TranscriptLog transcript;
  private final DiscordGateway gateway;
  private final boolean replayEveryInteraction;
  private final Map<String, InteractionResult> byToken = new ConcurrentHashMap<>();
  private final Map<String, InteractionResult> byId = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> dispatched = new ConcurrentHashMap<>();

  Interactions(
      Guild guild,
      GuildJson json,
      CommandRegistry commands,
      MessageStore messages,
      TranscriptLog transcript,
      DiscordGateway gateway,
      boolean replayEveryInteraction) {
    this.guild = guild;
    this.json = json;
    this.commands = commands;
    this.messages = messages;
    this.transcript = transcript;
    this.gateway = gateway;
    this.replayEveryInteraction = replayEveryInteraction;
  }

  InteractionResult byId(String id) {
    return byId.get(id);
  }

  InteractionResult byToken(String token) {
    return byToken.get(token);
  }

  /** Whether the bot already responded to interaction {@code id}. */
  boolean isAcknowledged(String id) {
    InteractionResult result = byId.get(id);
    return result != null && result.acknowledged();
  }

  InteractionResult command(DiscordUser user, String line, boolean inDm) {
    CommandLine parsed =
        CommandLine.parse(
            line,
            (command, path) ->
                commands
                    .slashCommand(command, !inDm)
                    .map(d -> SlashOptions.declaredNames(d, path))
                    .orElse(null));
    Optional<JsonObject> definition = commands.slashCommand(parsed.name(), !inDm);
    definition.ifPresent(d -> commands.requireOffered(user, d, inDm));
    JsonObject data = new JsonObject();
    data.addProperty(
        "id", definition.map(d -> Json.string(d, "id", null)).orElseGet(guild.ids::next));
    data.addProperty("name", parsed.name());
    data.addProperty("type", 1);
    definition
        .filter(d -> d.has("guild_id"))
        .ifPresent(d -> data.addProperty("guild_id", Json.string(d, "guild_id", null)));
    data.add("options", SlashOptions.build(parsed, definition.orElse(null)));
    String channel = inDm ? guild.dmChannel(user) : guild.defaultChannelId();
    transcript.say(TranscriptEntry.Speaker.USER, user.name(), line.strip(), false);
    return dispatch(user, APPLICATION_COMMAND, channel, inDm, data, null);
  }

  InteractionResult button(DiscordUser user, String customId) {
    DiscordMessage source =
        messages
            .latestWithButton(customId)
            .orElseThrow(
                () -> new IllegalArgumentException("No bot message has a button " + customId));
    JsonObject data = new JsonObject();
    data.addProperty("custom_id", customId);
    data.addProperty("component_type", 2);
    JsonObject message = source.json().deepCopy();
    transcript.say(TranscriptEntry.Speaker.USER, user.name(), "clicks [" + customId + "]", false);
    boolean inDm = guild.isDmChannel(source.channelId());
    return dispatch(user, MESSAGE_COMPONENT, source.channelId(), inDm, data, message);
  }

  InteractionResult modal(DiscordUser user, String modalId, Map<String, String> values) {
    JsonObject data = new JsonObject();
    data.addProperty("custom_id", modalId);
    JsonArray components = new JsonArray();
    int componentId = 1;
    for (Map.Entry<String, String> value : values.entrySet()) {
      JsonObject input = new JsonObject();
      input.addProperty("type", 4);
      input.addProperty("id", componentId + 1);
      input.addProperty("custom_id", value.getKey());
      input.addProperty("value", value.getValue());
      JsonObject label = new JsonObject();
      label.addProperty("type", 18);
      label.addProperty("id", componentId);
      label.add("component", input);
      components.add(label);
      componentId += 2;
    }
    data.add("components", components);
    transcript.say(
        TranscriptEntry.Speaker.USER, user.name(), "submits " + modalId + " " + values, false);
    return dispatch(user, MODAL_SUBMIT, guild.defaultChannelId(), false, data, null);
  }

  /** Dispatches an interaction's INTERACTION_CREATE again, the same id and token. */
  void replay(InteractionResult interaction) {
    JsonObject again = dispatched.get(interaction.id());
    if (again == null) {
      throw new IllegalArgumentException("no interaction " + interaction.id() + " was dispatched");
    }
    gateway.dispatch("INTERACTION_CREATE", again);
  }

  private InteractionResult dispatch(
      DiscordUser user,
      int type,
      String channel,
      boolean inDm,
      JsonObject data,
      JsonObject message) {
    String id = guild.ids.next();
    String token = "aW50ZXJhY3Rpb246" + id + ":" + UUID.randomUUID().toString().replace("-", "");
    JsonObject interaction = new JsonObject();
    interaction.addProperty("id", id);
    interaction.addProperty("application_id", guild.applicationId);
    interaction.addProperty("type", type);
    interaction.addProperty("token", token);
    interaction.addProperty("version", 1);
    interaction.addProperty("channel_id", channel);
    interaction.addProperty("locale", "en-US");
    interaction.add("entitlements", new JsonArray());
    interaction.addProperty("attachment_size_limit", 10 * 1024 * 1024);
    if (inDm) {
      addDmContext(interaction, user, channel);
    } else {
      addGuildContext(interaction, user, channel);
    }
    interaction.add("data", data);
    if (message != null) {
      interaction.add("message", message);
    }
    if (gateway.identifiedSessions() == 0) {
      throw new IllegalStateException("No bot is connected to the simulated gateway");
    }
    InteractionResult result = new InteractionResult(id, token, channel, user, System.nanoTime());
    byToken.put(token, result);
    byId.put(id, result);
    dispatched.put(id, interaction);
    gateway.dispatch("INTERACTION_CREATE", interaction);
    if (replayEveryInteraction) {
      gateway.dispatch("INTERACTION_CREATE", interaction);
    }
    return result;
  }

  private void addDmContext(JsonObject interaction, DiscordUser user, String channel) {
    interaction.add("channel", json.dmChannel(channel, user));
    interaction.add("user", json.user(user));
    interaction.addProperty("context", 1);
    interaction.addProperty(
        "app_permissions", Long.toString(DiscordSimulator.EVERYONE_PERMISSIONS));
    JsonObject owners = new JsonObject();
    owners.addProperty("0", "0");
    interaction.add("authorizing_integration_owners", owners);
  }

  private void addGuildContext(JsonObject interaction, DiscordUser user, String channel) {
    long permissions = guild.permissionsOf(user);
    JsonObject channelJson = json.channel(guild.channel(channel));
    channelJson.addProperty("permissions", Long.toString(permissions));
    interaction.add("channel", channelJson);
    interaction.addProperty("guild_id", guild.guildId);
    JsonObject guildJson = new JsonObject();
    guildJson.addProperty("id", guild.guildId);
    guildJson.addProperty("locale", "en-US");
    guildJson.add("features", new JsonArray());
    interaction.add("guild", guildJson);
    interaction.addProperty("guild_locale", "en-US");
    JsonObject member = json.member(user);
    member.addProperty("permissions", Long.toString(permissions));
    interaction.add("member", member);
    interaction.addProperty("context", 0);
    interaction.addProperty("app_permissions", Long.toString(guild.permissionsOfBot()));
    JsonObject owners = new JsonObject();
    owners.addProperty("0", guild.guildId);
    interaction.add("authorizing_integration_owners", owners);
  }
}
