package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The JSON Discord sends about the guild, its people, roles and channels: the gateway's READY,
 * GUILD_CREATE and member chunks, and the user, member and channel objects inside interactions and
 * REST answers. Every field JDA reads is present, so JDA parses it as it parses Discord's.
 */
final class GuildJson {
  private final Guild guild;

  GuildJson(Guild guild) {
    this.guild = guild;
  }

  JsonObject botUser() {
    JsonObject user = new JsonObject();
    user.addProperty("id", guild.botUserId);
    user.addProperty("username", guild.botName);
    user.addProperty("global_name", guild.botName);
    user.addProperty("discriminator", "0");
    user.add("avatar", JsonNull.INSTANCE);
    user.addProperty("bot", true);
    user.addProperty("verified", true);
    user.addProperty("mfa_enabled", false);
    user.addProperty("flags", 0);
    user.addProperty("public_flags", 0);
    return user;
  }

  JsonObject user(DiscordUser user) {
    JsonObject json = new JsonObject();
    json.addProperty("id", user.id());
    json.addProperty("username", user.name());
    json.addProperty("global_name", user.displayName());
    json.addProperty("discriminator", "0");
    json.add("avatar", JsonNull.INSTANCE);
    json.addProperty("bot", false);
    json.addProperty("public_flags", 0);
    return json;
  }

  JsonObject member(DiscordUser user) {
    return member(user(user), Json.strings(user.roleIds()), user.joinedAt().toString());
  }

  private JsonObject botMember() {
    JsonArray roleIds = new JsonArray();
    roleIds.add(guild.botRoleId);
    return member(botUser(), roleIds, guild.created.plus(1, ChronoUnit.DAYS).toString());
  }

  private static JsonObject member(JsonObject user, JsonArray roleIds, String joinedAt) {
    JsonObject member = new JsonObject();
    member.add("user", user);
    member.add("roles", roleIds);
    member.addProperty("joined_at", joinedAt);
    member.add("nick", JsonNull.INSTANCE);
    member.add("avatar", JsonNull.INSTANCE);
    member.add("premium_since", JsonNull.INSTANCE);
    member.add("communication_disabled_until", JsonNull.INSTANCE);
    member.addProperty("deaf", false);
    member.addProperty("mute", false);
    member.addProperty("pending", false);
    member.addProperty("flags", 0);
    return member;
  }

  JsonObject channel(Guild.Channel channel) {
    JsonObject json = new JsonObject();
    json.addProperty("id", channel.id());
    json.addProperty("type", 0);
    json.addProperty("guild_id", guild.guildId);
    json.addProperty("name", channel.name());
    json.addProperty("position", channel.position());
    json.add("permission_overwrites", new JsonArray());
    json.addProperty("nsfw", false);
    json.add("parent_id", JsonNull.INSTANCE);
    json.add("topic", JsonNull.INSTANCE);
    json.add("last_message_id", JsonNull.INSTANCE);
    json.addProperty("rate_limit_per_user", 0);
    json.addProperty("flags", 0);
    return json;
  }

  JsonObject dmChannel(String channel, DiscordUser user) {
    JsonObject json = new JsonObject();
    json.addProperty("id", channel);
    json.addProperty("type", 1);
    json.add("last_message_id", JsonNull.INSTANCE);
    json.addProperty("flags", 0);
    JsonArray recipients = new JsonArray();
    recipients.add(user(user));
    json.add("recipients", recipients);
    return json;
  }

  /** The READY dispatch for a fresh session. */
  JsonObject ready(String sessionId, URI gatewayUrl) {
    JsonObject ready = new JsonObject();
    ready.addProperty("v", 10);
    ready.add("user", botUser());
    JsonArray guilds = new JsonArray();
    JsonObject unavailable = new JsonObject();
    unavailable.addProperty("id", guild.guildId);
    unavailable.addProperty("unavailable", true);
    guilds.add(unavailable);
    ready.add("guilds", guilds);
    ready.add("private_channels", new JsonArray());
    ready.add("presences", new JsonArray());
    ready.add("relationships", new JsonArray());
    ready.addProperty("session_id", sessionId);
    ready.addProperty("session_type", "normal");
    ready.addProperty("resume_gateway_url", gatewayUrl.toString());
    JsonObject application = new JsonObject();
    application.addProperty("id", guild.applicationId);
    application.addProperty("flags", 0);
    ready.add("application", application);
    JsonArray trace = new JsonArray();
    trace.add("[\"tandem-simulator\",{\"micros\":1}]");
    ready.add("_trace", trace);
    return ready;
  }

  /** The full GUILD_CREATE for the test guild, as Discord sends it after READY. */
  JsonObject guildCreate() {
    JsonObject json = new JsonObject();
    json.addProperty("id", guild.guildId);
    json.addProperty("name", guild.guildName);
    addSettings(json);
    json.addProperty("joined_at", guild.created.plus(1, ChronoUnit.DAYS).toString());
    json.addProperty("large", false);
    json.addProperty("lazy", true);
    json.addProperty("unavailable", false);
    JsonArray roleArray = new JsonArray();
    guild.roles().forEach(r -> roleArray.add(role(r)));
    json.add("roles", roleArray);
    JsonArray channelArray = new JsonArray();
    guild.channels().forEach(c -> channelArray.add(channel(c)));
    json.add("channels", channelArray);
    JsonArray memberArray = members();
    json.add("members", memberArray);
    json.addProperty("member_count", memberArray.size());
    for (String empty :
        List.of(
            "presences",
            "voice_states",
            "threads",
            "emojis",
            "stickers",
            "stage_instances",
            "guild_scheduled_events",
            "soundboard_sounds")) {
      json.add(empty, new JsonArray());
    }
    return json;
  }

  /** A fresh guild's settings: no icon or special channels, nothing boosted or restricted. */
  private void addSettings(JsonObject json) {
    for (String absent :
        List.of("icon", "splash", "discovery_splash", "banner", "description", "vanity_url_code")) {
      json.add(absent, JsonNull.INSTANCE);
    }
    json.addProperty("owner_id", guild.ownerId());
    json.add("afk_channel_id", JsonNull.INSTANCE);
    json.addProperty("afk_timeout", 300);
    for (String absent :
        List.of(
            "system_channel_id",
            "rules_channel_id",
            "public_updates_channel_id",
            "safety_alerts_channel_id")) {
      json.add(absent, JsonNull.INSTANCE);
    }
    for (String zero :
        List.of(
            "verification_level",
            "default_message_notifications",
            "explicit_content_filter",
            "mfa_level",
            "nsfw_level",
            "premium_tier",
            "premium_subscription_count")) {
      json.addProperty(zero, 0);
    }
    json.addProperty("premium_progress_bar_enabled", false);
    json.addProperty("system_channel_flags", 0);
    json.addProperty("preferred_locale", "en-US");
    json.addProperty("max_members", 500000);
    json.addProperty("max_video_channel_users", 25);
    json.add("features", new JsonArray());
    json.add("incidents_data", JsonNull.INSTANCE);
    json.add("application_id", JsonNull.INSTANCE);
  }

  /** A GUILD_MEMBERS_CHUNK answering a member request, with every member in one chunk. */
  JsonObject membersChunk(String nonce) {
    JsonObject chunk = new JsonObject();
    chunk.addProperty("guild_id", guild.guildId);
    chunk.add("members", members());
    chunk.addProperty("chunk_index", 0);
    chunk.addProperty("chunk_count", 1);
    chunk.add("not_found", new JsonArray());
    if (nonce != null) {
      chunk.addProperty("nonce", nonce);
    }
    return chunk;
  }

  /** The bot, then every person still in the guild. */
  private JsonArray members() {
    JsonArray memberArray = new JsonArray();
    memberArray.add(botMember());
    guild.members().forEach(u -> memberArray.add(member(u)));
    return memberArray;
  }

  private JsonObject role(Guild.Role role) {
    JsonObject json = new JsonObject();
    json.addProperty("id", role.id());
    json.addProperty("name", role.name());
    json.addProperty("permissions", Long.toString(role.permissions()));
    json.addProperty("position", role.position());
    json.addProperty("color", 0);
    JsonObject colors = new JsonObject();
    colors.addProperty("primary_color", 0);
    colors.add("secondary_color", JsonNull.INSTANCE);
    colors.add("tertiary_color", JsonNull.INSTANCE);
    json.add("colors", colors);
    json.addProperty("hoist", false);
    json.addProperty("managed", role.managed());
    json.addProperty("mentionable", false);
    json.add("icon", JsonNull.INSTANCE);
    json.add("unicode_emoji", JsonNull.INSTANCE);
    json.addProperty("flags", 0);
    if (role.managed()) {
      JsonObject tags = new JsonObject();
      tags.addProperty("bot_id", guild.botUserId);
      json.add("tags", tags);
    }
    return json;
  }
}
