package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The application commands the bot registered, globally and in the guild, and which of them a
 * person is offered: Discord's client shows a command only where its {@code contexts} allow and to
 * members with its {@code default_member_permissions}, unless a server admin allowed them.
 */
final class CommandRegistry {
  private static final String GLOBAL = "global";

  private final Guild guild;
  private final Map<String, Map<String, JsonObject>> commands = new LinkedHashMap<>();
  private final Map<String, Set<String>> overrides = new LinkedHashMap<>();

  CommandRegistry(Guild guild) {
    this.guild = guild;
  }

  /** The commands registered in a guild, or globally when {@code scope} is null. */
  synchronized List<JsonObject> registered(String scope) {
    return List.copyOf(commands.getOrDefault(key(scope), Map.of()).values());
  }

  /** Answers a bulk overwrite: the scope's commands become exactly these, keeping known ids. */
  synchronized JsonArray put(String scope, JsonArray body) {
    Map<String, JsonObject> previous = commands.getOrDefault(key(scope), Map.of());
    Map<String, JsonObject> next = new LinkedHashMap<>();
    for (JsonElement element : body) {
      JsonObject command = store(scope, element.getAsJsonObject(), previous);
      next.put(commandKey(command), command);
    }
    commands.put(key(scope), next);
    JsonArray result = new JsonArray();
    next.values().forEach(result::add);
    return result;
  }

  /** Answers the creation (or update, by type and name) of one command. */
  synchronized JsonObject post(String scope, JsonObject body) {
    Map<String, JsonObject> scoped =
        commands.computeIfAbsent(key(scope), k -> new LinkedHashMap<>());
    JsonObject command = store(scope, body, scoped);
    scoped.put(commandKey(command), command);
    return command;
  }

  /** The slash command a person runs by this name: the guild's one first, then the global one. */
  synchronized Optional<JsonObject> slashCommand(String name, boolean inGuild) {
    String key = "1:" + name;
    if (inGuild && commands.getOrDefault(guild.guildId, Map.of()).containsKey(key)) {
      return Optional.of(commands.get(guild.guildId).get(key));
    }
    return Optional.ofNullable(commands.getOrDefault(GLOBAL, Map.of()).get(key));
  }

  /** A server admin lets a role or a member use a command whatever its default permissions. */
  synchronized void allow(String commandName, String roleOrUserId) {
    overrides.computeIfAbsent(commandName, k -> new HashSet<>()).add(roleOrUserId);
  }

  /**
   * Throws unless the person is offered the command here: its {@code contexts} include a DM or a
   * server as {@code inDm} says, and in a server they hold all of its {@code
   * default_member_permissions} ({@code "0"} means administrators only) or were allowed it.
   */
  synchronized void requireOffered(DiscordUser user, JsonObject command, boolean inDm) {
    String name = Json.string(command, "name", "");
    JsonArray contexts = Json.array(command, "contexts");
    if (contexts != null && !contexts.isEmpty()) {
      int context = inDm ? 1 : 0;
      boolean allowed = false;
      for (JsonElement c : contexts) {
        allowed |= c.getAsInt() == context;
      }
      if (!allowed) {
        throw new IllegalArgumentException(
            "/" + name + " is not offered in " + (inDm ? "DMs" : "servers"));
      }
    }
    JsonElement defaults = command.get("default_member_permissions");
    if (inDm || defaults == null || defaults.isJsonNull()) {
      return;
    }
    long needed = Long.parseLong(defaults.getAsString());
    long has = guild.permissionsOf(user);
    boolean enough = needed == 0 ? has == Guild.ALL_PERMISSIONS : (has & needed) == needed;
    Set<String> allowedIds = overrides.getOrDefault(name, Set.of());
    boolean overridden =
        allowedIds.contains(user.id()) || user.roleIds().stream().anyMatch(allowedIds::contains);
    if (!enough && !overridden) {
      throw new IllegalArgumentException(
          user.name()
              + " is not offered /"
              + name
              + ": it needs permissions "
              + needed
              + " and no server admin allowed their roles");
    }
  }

  private JsonObject store(String scope, JsonObject sent, Map<String, JsonObject> previous) {
    JsonObject command = sent.deepCopy();
    int type = Json.integer(command, "type", 1);
    command.addProperty("type", type);
    JsonObject existing = previous.get(type + ":" + Json.string(command, "name", ""));
    command.addProperty(
        "id", existing != null ? Json.string(existing, "id", null) : guild.ids.next());
    command.addProperty("application_id", guild.applicationId);
    command.addProperty("version", guild.ids.next());
    if (scope != null) {
      command.addProperty("guild_id", scope);
    }
    if (!command.has("description")) {
      command.addProperty("description", "");
    }
    if (!command.has("default_member_permissions")) {
      command.add("default_member_permissions", JsonNull.INSTANCE);
    }
    if (!command.has("nsfw")) {
      command.addProperty("nsfw", false);
    }
    return command;
  }

  private static String key(String scope) {
    return scope == null ? GLOBAL : scope;
  }

  private static String commandKey(JsonObject command) {
    return Json.integer(command, "type", 1) + ":" + Json.string(command, "name", "");
  }
}
