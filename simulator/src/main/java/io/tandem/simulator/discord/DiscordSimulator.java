package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.tandem.simulator.http.MultipartForm;
import io.tandem.simulator.slack.Redelivery;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Discord on 127.0.0.1: the REST API under {@link #restUrl()} and the gateway WebSocket at
 * {@link #gatewayUrl()}, with one guild ({@link #guildId()}) holding two text channels, an
 * {@code @everyone} role, an admin role, a "Moderator" role that grants Manage Server, the bot and
 * whatever people the test creates with {@link #user(String)}.
 *
 * <p>Point JDA at it with {@code RestConfig#setBaseUrl(restUrl)}, a {@code SessionController} whose
 * {@code getGateway()} returns {@link #gatewayUrl()}, and {@code Compression.NONE}.
 *
 * <p>Thread safety: everything may be called from any thread. The REST server and the gateway run
 * on their own threads; {@code await…} methods block the caller until something arrives.
 */
public final class DiscordSimulator implements AutoCloseable {
  /** Permission bit: Administrator. */
  public static final long ADMINISTRATOR = 1L << 3;

  /** Permission bit: Manage Server (MANAGE_GUILD). */
  public static final long MANAGE_GUILD = 1L << 5;

  /** What {@code @everyone} may do in a fresh guild: view, send, embed, history, use commands. */
  public static final long EVERYONE_PERMISSIONS =
      (1L << 6) | (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16) | (1L << 31);

  private static final Logger LOG = LoggerFactory.getLogger(DiscordSimulator.class);

  private final Clock clock;
  private final Snowflakes ids;
  private final String botToken;
  private final String applicationId;
  private final String botUserId;
  private final String botName;
  private final String guildId;
  private final String guildName;
  private final String ownerId;
  private final String adminRoleId;
  private final String adminRoleName;
  private final String moderatorRoleId;
  private final String botRoleId;
  private final Instant guildCreated;
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Map<String, DiscordUser> users = new LinkedHashMap<>();
  private final Map<String, Map<String, JsonObject>> commands = new LinkedHashMap<>();
  private final Map<String, InteractionResult> interactionsByToken = new ConcurrentHashMap<>();
  private final Map<String, InteractionResult> interactionsById = new ConcurrentHashMap<>();
  private final Map<String, DiscordMessage> messages = new ConcurrentHashMap<>();

  /**
   * How long a nonce sent with {@code enforce_nonce} is remembered. Discord documents "the past few
   * minutes" without a number; the simulator takes five.
   */
  /** The {@code GUILD_MEMBERS} gateway intent (privileged: the "Server Members Intent"). */
  public static final int GUILD_MEMBERS_INTENT = 1 << 1;

  public static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

  /** A nonce the bot sent with {@code enforce_nonce}: the message it created, and when. */
  private record SeenNonce(String messageId, Instant at) {}

  /** The bot's enforced nonces (Discord keeps them per author; the bot is the only author here). */
  private final Map<String, SeenNonce> nonces = new ConcurrentHashMap<>();

  private final Map<String, String> dmChannelsByUser = new ConcurrentHashMap<>();
  private final Map<String, String> dmUsersByChannel = new ConcurrentHashMap<>();
  private final Journal<DiscordMessage> channelMessages = new Journal<>();
  private final Map<String, List<DiscordAttachment>> attachments = new ConcurrentHashMap<>();
  private final Journal<RestCall> calls = new Journal<>();
  private final Journal<TranscriptEntry> transcript = new Journal<>();
  private final List<Consumer<TranscriptEntry>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, RateLimit> rateLimits = new ConcurrentHashMap<>();
  private final DiscordRest rest;
  private final DiscordGateway gateway;
  private final boolean serverMembersIntent;
  private final boolean replayInteractions;
  private final Map<String, JsonObject> dispatchedInteractions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> commandOverrides = new LinkedHashMap<>();

  private DiscordSimulator(Builder builder) throws IOException {
    this.clock = builder.clock;
    this.ids = new Snowflakes(clock);
    this.botToken = builder.botToken;
    this.applicationId = builder.applicationId == null ? ids.next() : builder.applicationId;
    this.botUserId = applicationId;
    this.botName = builder.botName;
    this.guildId = ids.next();
    this.guildName = builder.guildName;
    this.guildCreated = clock.instant().minus(400, ChronoUnit.DAYS);
    this.adminRoleName = builder.adminRoleName;
    this.serverMembersIntent = builder.serverMembersIntent;
    this.replayInteractions = builder.replayInteractions;
    roles.put(guildId, new Role(guildId, "@everyone", EVERYONE_PERMISSIONS, 0, false));
    this.moderatorRoleId = ids.next();
    roles.put(moderatorRoleId, new Role(moderatorRoleId, "Moderator", MANAGE_GUILD, 3, false));
    this.adminRoleId = ids.next();
    roles.put(adminRoleId, new Role(adminRoleId, adminRoleName, 0, 2, false));
    this.botRoleId = ids.next();
    roles.put(botRoleId, new Role(botRoleId, botName, EVERYONE_PERMISSIONS, 1, true));
    String general = ids.next();
    channels.put(general, new Channel(general, "general", 0));
    String mentoring = ids.next();
    channels.put(mentoring, new Channel(mentoring, "mentoring", 1));
    DiscordUser owner = user("guild-owner");
    this.ownerId = owner.id();
    this.rest = new DiscordRest(this);
    this.gateway = new DiscordGateway(this);
    try {
      gateway.startAndWait();
    } catch (IOException | RuntimeException e) {
      rest.stop();
      throw e;
    }
    LOG.info("Simulated Discord: REST {} gateway {}", restUrl(), gatewayUrl());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts a simulator with default token, ids and names. */
  public static DiscordSimulator start() {
    return builder().start();
  }

  // --- where it is ---------------------------------------------------------------------------

  /** The REST base, e.g. {@code http://127.0.0.1:PORT/api/v10/}. */
  public URI restUrl() {
    return rest.baseUrl();
  }

  /** The gateway, e.g. {@code ws://127.0.0.1:PORT}. */
  public URI gatewayUrl() {
    return gateway.url();
  }

  public String botToken() {
    return botToken;
  }

  public String applicationId() {
    return applicationId;
  }

  public String botUserId() {
    return botUserId;
  }

  public String guildId() {
    return guildId;
  }

  /** The {@code #general} channel, where commands run by default. */
  public synchronized String channelId() {
    return channels.keySet().iterator().next();
  }

  public String adminRoleId() {
    return adminRoleId;
  }

  public String adminRoleName() {
    return adminRoleName;
  }

  /** A role that grants Manage Server. */
  public String moderatorRoleId() {
    return moderatorRoleId;
  }

  // --- people and roles ----------------------------------------------------------------------

  /** The person with this username, created on first use. */
  public synchronized DiscordUser user(String name) {
    return users.computeIfAbsent(
        name.toLowerCase(Locale.ROOT),
        n -> new DiscordUser(this, ids.next(), n, clock.instant().minus(30, ChronoUnit.DAYS)));
  }

  /** Adds a role to the guild (before the bot connects, or it will not know the role). */
  public synchronized String createRole(String name, long permissions) {
    String id = ids.next();
    roles.put(id, new Role(id, name, permissions, roles.size(), false));
    return id;
  }

  synchronized String roleId(String nameOrId) {
    if (roles.containsKey(nameOrId)) {
      return nameOrId;
    }
    return roles.values().stream()
        .filter(r -> r.name().equals(nameOrId))
        .map(Role::id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No role " + nameOrId));
  }

  // --- REST journal and faults ---------------------------------------------------------------

  /** Every REST call so far, in arrival order. */
  public List<RestCall> calls() {
    return calls.snapshot();
  }

  /** REST calls for one route template, e.g. ("POST", "interactions/{id}/{token}/callback"). */
  public List<RestCall> calls(String method, String route) {
    return calls.snapshot().stream().filter(c -> c.is(method, route)).toList();
  }

  public RestCall awaitCall(String method, String route, Duration timeout) {
    return awaitCalls(method, route, 1, timeout).get(0);
  }

  public List<RestCall> awaitCalls(String method, String route, int count, Duration timeout) {
    return calls.await(c -> c.is(method, route), count, timeout, method + " " + route);
  }

  public void clearCalls() {
    calls.clear();
  }

  /**
   * Makes the next {@code times} calls to a route answer 429 with Discord's per-route rate-limit
   * headers and a one-second {@code retry_after}.
   */
  public void rateLimit(String method, String route, int times) {
    rateLimit(method, route, times, Duration.ofSeconds(1));
  }

  public void rateLimit(String method, String route, int times, Duration retryAfter) {
    rateLimits.put(method.toUpperCase(Locale.ROOT) + " " + route, new RateLimit(times, retryAfter));
  }

  Optional<Duration> takeRateLimit(String method, String route) {
    RateLimit limit = rateLimits.get(method + " " + route);
    if (limit == null) {
      return Optional.empty();
    }
    synchronized (limit) {
      if (limit.remaining <= 0) {
        return Optional.empty();
      }
      limit.remaining--;
      return Optional.of(limit.retryAfter);
    }
  }

  void record(RestCall call) {
    calls.append(call);
  }

  // --- gateway -------------------------------------------------------------------------------

  /** Waits until a client has identified and received the guild. */
  public void awaitIdentified(Duration timeout) {
    gateway.awaitIdentified(timeout);
  }

  /**
   * The intents of every IDENTIFY so far, oldest first (including ones refused with 4014 because
   * the Server Members intent was asked for but not enabled, see {@link
   * Builder#serverMembersIntent}).
   */
  public List<Integer> identifiedIntents() {
    return gateway.identifiedIntents();
  }

  /** Whether a bot may ask for the privileged {@link #GUILD_MEMBERS_INTENT}. */
  boolean allowsIntents(int intents) {
    return serverMembersIntent || (intents & GUILD_MEMBERS_INTENT) == 0;
  }

  /**
   * The person leaves the guild (or is kicked): they drop out of the guild snapshot, and sessions
   * that asked for {@link #GUILD_MEMBERS_INTENT} receive a {@code GUILD_MEMBER_REMOVE}.
   */
  void removeMember(DiscordUser user) {
    JsonObject data;
    synchronized (this) {
      user.left(true);
      data = new JsonObject();
      data.addProperty("guild_id", guildId);
      data.add("user", userJson(user));
    }
    gateway.dispatch("GUILD_MEMBER_REMOVE", data, GUILD_MEMBERS_INTENT);
  }

  /** How many gateway sessions are identified right now. */
  public int sessions() {
    return gateway.identifiedSessions();
  }

  // --- commands ------------------------------------------------------------------------------

  /** The application commands registered in a guild, or globally when {@code guild} is null. */
  public synchronized List<JsonObject> registeredCommands(String guild) {
    return List.copyOf(commands.getOrDefault(scope(guild), Map.of()).values());
  }

  /** Waits until at least one command is registered in the guild (or globally for null). */
  public List<JsonObject> awaitCommands(String guild, Duration timeout) {
    String route =
        guild == null
            ? "applications/{application_id}/commands"
            : "applications/{application_id}/guilds/{guild_id}/commands";
    calls.await(
        c ->
            c.status() < 300
                && (c.method().equals("PUT") || c.method().equals("POST"))
                && c.route().equals(route)
                && (guild == null || c.path().contains("/guilds/" + guild + "/")),
        1,
        timeout,
        "command registration in " + (guild == null ? "global scope" : guild));
    return registeredCommands(guild);
  }

  private static String scope(String guild) {
    return guild == null ? "global" : guild;
  }

  synchronized JsonArray putCommands(String guild, JsonArray body) {
    Map<String, JsonObject> previous = commands.getOrDefault(scope(guild), Map.of());
    Map<String, JsonObject> next = new LinkedHashMap<>();
    for (JsonElement element : body) {
      JsonObject command = storeCommand(guild, element.getAsJsonObject(), previous);
      next.put(commandKey(command), command);
    }
    commands.put(scope(guild), next);
    JsonArray result = new JsonArray();
    next.values().forEach(result::add);
    return result;
  }

  synchronized JsonObject postCommand(String guild, JsonObject body) {
    Map<String, JsonObject> scoped =
        commands.computeIfAbsent(scope(guild), k -> new LinkedHashMap<>());
    JsonObject command = storeCommand(guild, body, scoped);
    scoped.put(commandKey(command), command);
    return command;
  }

  private JsonObject storeCommand(String guild, JsonObject sent, Map<String, JsonObject> previous) {
    JsonObject command = sent.deepCopy();
    int type = Json.integer(command, "type", 1);
    command.addProperty("type", type);
    JsonObject existing = previous.get(type + ":" + Json.string(command, "name", ""));
    command.addProperty("id", existing != null ? Json.string(existing, "id", null) : ids.next());
    command.addProperty("application_id", applicationId);
    command.addProperty("version", ids.next());
    if (guild != null) {
      command.addProperty("guild_id", guild);
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

  private static String commandKey(JsonObject command) {
    return Json.integer(command, "type", 1) + ":" + Json.string(command, "name", "");
  }

  private synchronized Optional<JsonObject> findSlashCommand(String name, boolean inGuild) {
    String key = "1:" + name;
    if (inGuild && commands.getOrDefault(guildId, Map.of()).containsKey(key)) {
      return Optional.of(commands.get(guildId).get(key));
    }
    return Optional.ofNullable(commands.getOrDefault("global", Map.of()).get(key));
  }

  // --- transcript ----------------------------------------------------------------------------

  /**
   * Calls {@code listener} for each interaction and each bot message, on the thread that saw it.
   */
  public void onTranscript(Consumer<TranscriptEntry> listener) {
    listeners.add(listener);
  }

  public List<TranscriptEntry> transcript() {
    return transcript.snapshot();
  }

  private void say(TranscriptEntry.Speaker speaker, String who, String text, boolean privately) {
    TranscriptEntry entry = new TranscriptEntry(clock.instant(), speaker, who, text, privately);
    transcript.append(entry);
    for (Consumer<TranscriptEntry> listener : listeners) {
      try {
        listener.accept(entry);
      } catch (RuntimeException e) {
        LOG.warn("Transcript listener failed", e);
      }
    }
  }

  // --- messages the bot sent outside interactions --------------------------------------------

  /** Messages the bot posted with {@code POST channels/{id}/messages}. */
  public List<DiscordMessage> channelMessages() {
    return channelMessages.snapshot();
  }

  /** Waits for the {@code n}-th (1-based) direct message the bot sent to this person. */
  public DiscordMessage awaitDirectMessage(DiscordUser user, int n, Duration timeout) {
    List<DiscordMessage> found =
        channelMessages.await(
            m -> m.channelId().equals(dmChannelsByUser.get(user.id())),
            n,
            timeout,
            "direct message to " + user.name());
    return found.get(n - 1);
  }

  /** Waits for a direct message to this person that matches {@code filter}. */
  public DiscordMessage awaitDirectMessage(
      DiscordUser user, java.util.function.Predicate<DiscordMessage> filter, Duration timeout) {
    return channelMessages
        .await(
            m -> m.channelId().equals(dmChannelsByUser.get(user.id())) && filter.test(m),
            1,
            timeout,
            "matching direct message to " + user.name())
        .get(0);
  }

  /** The id of the DM channel with this person, once the bot has opened it. */
  public Optional<String> dmChannelId(DiscordUser user) {
    return Optional.ofNullable(dmChannelsByUser.get(user.id()));
  }

  // --- interactions: dispatch ----------------------------------------------------------------

  InteractionResult dispatchCommand(DiscordUser user, String line, boolean inDm) {
    CommandLine parsed =
        CommandLine.parse(
            line,
            (command, path) ->
                findSlashCommand(command, !inDm)
                    .map(d -> SlashOptions.declaredNames(d, path))
                    .orElse(null));
    Optional<JsonObject> definition = findSlashCommand(parsed.name(), !inDm);
    definition.ifPresent(d -> requireOffered(user, d, inDm));
    JsonObject data = new JsonObject();
    data.addProperty("id", definition.map(d -> Json.string(d, "id", null)).orElseGet(ids::next));
    data.addProperty("name", parsed.name());
    data.addProperty("type", 1);
    definition
        .filter(d -> d.has("guild_id"))
        .ifPresent(d -> data.addProperty("guild_id", Json.string(d, "guild_id", null)));
    data.add("options", SlashOptions.build(parsed, definition.orElse(null)));
    String channel = inDm ? dmChannel(user) : channelId();
    say(TranscriptEntry.Speaker.USER, user.name(), line.strip(), false);
    return dispatch(user, 2, channel, inDm, data, null);
  }

  /**
   * Discord's client offers a command only where its {@code contexts} allow and, in a guild, only
   * to members with all of its {@code default_member_permissions} (Administrator has them all;
   * {@code "0"} means administrators only), unless a server admin allowed one of their roles or
   * them ({@link #allowCommand}). A person cannot send a command they are not offered.
   */
  private synchronized void requireOffered(DiscordUser user, JsonObject command, boolean inDm) {
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
    long has = permissionsOf(user);
    boolean enough = needed == 0 ? has == (-1L >>> 1) : (has & needed) == needed;
    Set<String> allowedIds = commandOverrides.getOrDefault(name, Set.of());
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

  /**
   * A server admin lets a role or a member use a command whatever its default member permissions,
   * as Server Settings, Integrations does.
   */
  public synchronized void allowCommand(String commandName, String roleOrUserId) {
    commandOverrides.computeIfAbsent(commandName, k -> new java.util.HashSet<>()).add(roleOrUserId);
  }

  InteractionResult dispatchButton(DiscordUser user, String customId) {
    DiscordMessage source =
        latestMessageWith(customId)
            .orElseThrow(
                () -> new IllegalArgumentException("No bot message has a button " + customId));
    JsonObject data = new JsonObject();
    data.addProperty("custom_id", customId);
    data.addProperty("component_type", 2);
    JsonObject message = source.json().deepCopy();
    say(TranscriptEntry.Speaker.USER, user.name(), "clicks [" + customId + "]", false);
    boolean inDm = dmUsersByChannel.containsKey(source.channelId());
    return dispatch(user, 3, source.channelId(), inDm, data, message);
  }

  InteractionResult dispatchModal(DiscordUser user, String modalId, Map<String, String> values) {
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
    say(TranscriptEntry.Speaker.USER, user.name(), "submits " + modalId + " " + values, false);
    return dispatch(user, 5, channelId(), false, data, null);
  }

  private Optional<DiscordMessage> latestMessageWith(String customId) {
    return messages.values().stream()
        .filter(m -> m.buttons().stream().anyMatch(b -> customId.equals(b.customId())))
        .max(
            (a, b) ->
                Long.compareUnsigned(
                    Long.parseUnsignedLong(a.id()), Long.parseUnsignedLong(b.id())));
  }

  private InteractionResult dispatch(
      DiscordUser user,
      int type,
      String channel,
      boolean inDm,
      JsonObject data,
      JsonObject message) {
    String id = ids.next();
    String token = "aW50ZXJhY3Rpb246" + id + ":" + UUID.randomUUID().toString().replace("-", "");
    JsonObject interaction = new JsonObject();
    interaction.addProperty("id", id);
    interaction.addProperty("application_id", applicationId);
    interaction.addProperty("type", type);
    interaction.addProperty("token", token);
    interaction.addProperty("version", 1);
    interaction.addProperty("channel_id", channel);
    interaction.addProperty("locale", "en-US");
    interaction.add("entitlements", new JsonArray());
    interaction.addProperty("attachment_size_limit", 10 * 1024 * 1024);
    JsonObject owners = new JsonObject();
    if (inDm) {
      interaction.add("channel", dmChannelJson(channel, user));
      interaction.add("user", userJson(user));
      interaction.addProperty("context", 1);
      interaction.addProperty("app_permissions", Long.toString(EVERYONE_PERMISSIONS));
      owners.addProperty("0", "0");
    } else {
      long permissions = permissionsOf(user);
      JsonObject channelJson = channelJson(channels.get(channel));
      channelJson.addProperty("permissions", Long.toString(permissions));
      interaction.add("channel", channelJson);
      interaction.addProperty("guild_id", guildId);
      JsonObject guild = new JsonObject();
      guild.addProperty("id", guildId);
      guild.addProperty("locale", "en-US");
      guild.add("features", new JsonArray());
      interaction.add("guild", guild);
      interaction.addProperty("guild_locale", "en-US");
      JsonObject member = memberJson(user);
      member.addProperty("permissions", Long.toString(permissions));
      interaction.add("member", member);
      interaction.addProperty("context", 0);
      interaction.addProperty("app_permissions", Long.toString(permissionsOfBot()));
      owners.addProperty("0", guildId);
    }
    interaction.add("authorizing_integration_owners", owners);
    interaction.add("data", data);
    if (message != null) {
      interaction.add("message", message);
    }
    if (gateway.identifiedSessions() == 0) {
      throw new IllegalStateException("No bot is connected to the simulated gateway");
    }
    InteractionResult result = new InteractionResult(id, token, channel, user, System.nanoTime());
    interactionsByToken.put(token, result);
    interactionsById.put(id, result);
    dispatchedInteractions.put(id, interaction);
    gateway.dispatch("INTERACTION_CREATE", interaction);
    if (replayInteractions) {
      gateway.dispatch("INTERACTION_CREATE", interaction);
    }
    return result;
  }

  /**
   * Dispatches an interaction's INTERACTION_CREATE again, the same id and token, as a gateway can
   * deliver an event twice (a resumed session replays what the client may already have seen). The
   * bot's second response to it is refused with 400, code 40060, as Discord refuses it.
   */
  public void replay(InteractionResult interaction) {
    JsonObject dispatched = dispatchedInteractions.get(interaction.id());
    if (dispatched == null) {
      throw new IllegalArgumentException("no interaction " + interaction.id() + " was dispatched");
    }
    gateway.dispatch("INTERACTION_CREATE", dispatched);
  }

  /** Whether the bot already responded to interaction {@code id}. */
  boolean isAcknowledged(String id) {
    InteractionResult result = interactionsById.get(id);
    return result != null && result.acknowledged();
  }

  // --- interactions: responses (called by the REST server) -----------------------------------

  /**
   * Answers {@code POST interactions/{id}/{token}/callback}; null when unknown or already acked.
   */
  JsonObject interactionCallback(String id, String token, JsonObject body) {
    InteractionResult result = interactionsById.get(id);
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
        DiscordMessage shown = show(result, data, ids.next(), 20);
        result.originalMessageId(shown.id());
        resource.add("message", shown.json());
      }
      case InteractionCallback.UPDATE_MESSAGE -> {
        JsonObject message = interactionMessage(result);
        if (message != null) {
          JsonObject merged = message.deepCopy();
          data.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
          DiscordMessage shown = show(result, merged, Json.string(message, "id", ids.next()), 0);
          resource.add("message", shown.json());
        }
      }
      case InteractionCallback.MODAL -> {
        DiscordModal modal =
            new DiscordModal(
                Json.string(data, "custom_id", ""), Json.string(data, "title", ""), data);
        result.openModal(modal);
        say(TranscriptEntry.Speaker.BOT, botName, "opens form \"" + modal.title() + "\"", true);
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

  private JsonObject interactionMessage(InteractionResult result) {
    return null == result.originalMessageId()
        ? null
        : messages.get(result.originalMessageId()).json();
  }

  /** Answers {@code POST webhooks/{app}/{token}}: a follow-up, or the deferred original. */
  JsonObject followUp(String token, JsonObject body) {
    InteractionResult result = interactionsByToken.get(token);
    if (result == null || !result.acknowledged()) {
      return null;
    }
    JsonObject data = body.deepCopy();
    if (result.takePendingOriginal()) {
      data.addProperty("flags", Json.integer(data, "flags", 0) | result.deferredFlags());
      DiscordMessage shown = show(result, data, ids.next(), 20);
      result.originalMessageId(shown.id());
      return shown.json();
    }
    return show(result, data, ids.next(), 0).json();
  }

  /** Answers {@code PATCH webhooks/{app}/{token}/messages/{id}}. */
  JsonObject editMessage(String token, String messageId, JsonObject body) {
    InteractionResult result = interactionsByToken.get(token);
    if (result == null || !result.acknowledged()) {
      return null;
    }
    boolean original = messageId.equals("@original");
    String id = original ? result.originalMessageId() : messageId;
    JsonObject data = new JsonObject();
    if (original && result.takePendingOriginal()) {
      data.addProperty("flags", result.deferredFlags());
      id = ids.next();
      result.originalMessageId(id);
    } else if (id != null && messages.containsKey(id)) {
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
  boolean deleteMessage(String token, String messageId) {
    InteractionResult result = interactionsByToken.get(token);
    if (result == null) {
      return false;
    }
    boolean original = messageId.equals("@original");
    if (original && result.takePendingOriginal()) {
      return true;
    }
    String id = original ? result.originalMessageId() : messageId;
    if (id == null || messages.remove(id) == null) {
      return false;
    }
    say(TranscriptEntry.Speaker.BOT, botName, "(deletes a message)", true);
    return true;
  }

  /** Answers {@code GET webhooks/{app}/{token}/messages/{id}}. */
  JsonObject webhookMessage(String token, String messageId) {
    InteractionResult result = interactionsByToken.get(token);
    if (result == null) {
      return null;
    }
    String id = messageId.equals("@original") ? result.originalMessageId() : messageId;
    DiscordMessage message = id == null ? null : messages.get(id);
    return message == null ? null : message.json();
  }

  private DiscordMessage show(InteractionResult result, JsonObject data, String id, int type) {
    DiscordMessage message = storeMessage(id, result.channelId(), data, type, true);
    result.show(message);
    say(TranscriptEntry.Speaker.BOT, botName, message.render(), message.ephemeral());
    return message;
  }

  /** Answers {@code POST channels/{id}/messages}; null for unknown channels. */
  synchronized JsonObject createChannelMessage(
      String channel, JsonObject body, List<MultipartForm.Part> files) {
    if (!channels.containsKey(channel) && !dmUsersByChannel.containsKey(channel)) {
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
      if (first != null && seen.at().plus(NONCE_WINDOW).isAfter(clock.instant())) {
        JsonObject answer = first.json().deepCopy();
        answer.addProperty("nonce", nonce);
        return answer;
      }
    }
    JsonObject data = body.deepCopy();
    data.remove("flags");
    DiscordMessage message = storeMessage(ids.next(), channel, data, 0, false);
    if (!files.isEmpty()) {
      attach(message, Json.array(body, "attachments"), files);
    }
    if (enforceNonce) {
      nonces.put(nonce, new SeenNonce(message.id(), clock.instant()));
    }
    channelMessages.append(message);
    String where =
        dmUsersByChannel.containsKey(channel)
            ? "DM to " + userById(dmUsersByChannel.get(channel)).map(DiscordUser::name).orElse("?")
            : "#" + channels.get(channel).name();
    say(TranscriptEntry.Speaker.BOT, botName + " (" + where + ")", message.render(), false);
    JsonObject answer = message.json().deepCopy();
    if (nonce != null) {
      answer.addProperty("nonce", nonce);
    }
    return answer;
  }

  /**
   * Stores the uploaded files of a message and lists them in its {@code attachments}, as Discord
   * answers them; the description comes from the matching {@code payload_json} attachment entry.
   */
  private void attach(DiscordMessage message, JsonArray declared, List<MultipartForm.Part> files) {
    JsonArray listed = new JsonArray();
    List<DiscordAttachment> stored = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      MultipartForm.Part file = files.get(i);
      String description = "";
      for (JsonElement element : declared) {
        JsonObject entry = element.getAsJsonObject();
        if (Json.string(entry, "filename", "").equals(file.filename())
            || ("files[" + Json.string(entry, "id", "") + "]").equals(file.name())) {
          description = Json.string(entry, "description", "");
        }
      }
      String id = ids.next();
      String contentType =
          file.filename().toLowerCase(Locale.ROOT).endsWith(".png")
              ? "image/png"
              : file.contentType();
      String url =
          restUrl()
              .resolve("/attachments/" + message.channelId() + "/" + id + "/" + file.filename())
              .toString();
      JsonObject json = new JsonObject();
      json.addProperty("id", id);
      json.addProperty("filename", file.filename());
      json.addProperty("description", description);
      json.addProperty("content_type", contentType);
      json.addProperty("size", file.bytes().length);
      json.addProperty("url", url);
      json.addProperty("proxy_url", url);
      listed.add(json);
      stored.add(
          new DiscordAttachment(
              id, message.id(), file.filename(), description, contentType, file.bytes()));
    }
    message.json().add("attachments", listed);
    attachments.put(message.id(), List.copyOf(stored));
  }

  /** The files attached to a message the bot sent, in order; empty when none. */
  public List<DiscordAttachment> attachments(DiscordMessage message) {
    return attachments.getOrDefault(message.id(), List.of());
  }

  /** Answers {@code POST users/@me/channels}. */
  synchronized JsonObject openDm(String recipientId) {
    Optional<DiscordUser> user = userById(recipientId);
    if (user.isEmpty()) {
      return null;
    }
    return dmChannelJson(dmChannel(user.get()), user.get());
  }

  private synchronized String dmChannel(DiscordUser user) {
    return dmChannelsByUser.computeIfAbsent(
        user.id(),
        u -> {
          String channel = ids.next();
          dmUsersByChannel.put(channel, u);
          return channel;
        });
  }

  private synchronized Optional<DiscordUser> userById(String id) {
    return users.values().stream().filter(u -> u.id().equals(id)).findFirst();
  }

  private DiscordMessage storeMessage(
      String id, String channel, JsonObject data, int type, boolean fromInteraction) {
    JsonObject json = new JsonObject();
    json.addProperty("id", id);
    json.addProperty("type", type);
    json.addProperty("channel_id", channel);
    if (channels.containsKey(channel)) {
      json.addProperty("guild_id", guildId);
    }
    json.add("author", botUserJson());
    json.addProperty("content", "");
    json.add("embeds", new JsonArray());
    json.add("components", new JsonArray());
    json.add("attachments", new JsonArray());
    json.add("mentions", new JsonArray());
    json.add("mention_roles", new JsonArray());
    json.addProperty("mention_everyone", false);
    json.addProperty("pinned", false);
    json.addProperty("tts", false);
    json.addProperty("timestamp", clock.instant().toString());
    json.add("edited_timestamp", JsonNull.INSTANCE);
    json.addProperty("flags", 0);
    if (fromInteraction) {
      json.addProperty("webhook_id", applicationId);
      json.addProperty("application_id", applicationId);
    }
    for (Map.Entry<String, JsonElement> entry : data.entrySet()) {
      switch (entry.getKey()) {
        case "content", "embeds", "components", "flags", "tts" ->
            json.add(
                entry.getKey(),
                entry.getValue().isJsonNull() ? json.get(entry.getKey()) : entry.getValue());
        default -> {
          // allowed_mentions, attachments metadata and the like are not stored
        }
      }
    }
    for (JsonElement embed : Json.array(json, "embeds")) {
      // Discord adds the type; JDA refuses to parse an embed without it.
      if (embed.isJsonObject() && !embed.getAsJsonObject().has("type")) {
        embed.getAsJsonObject().addProperty("type", "rich");
      }
    }
    assignComponentIds(Json.array(json, "components"), new int[] {1});
    DiscordMessage message = new DiscordMessage(id, channel, json);
    messages.put(id, message);
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

  // --- JSON the gateway and REST server need -------------------------------------------------

  JsonObject botUserJson() {
    JsonObject user = new JsonObject();
    user.addProperty("id", botUserId);
    user.addProperty("username", botName);
    user.addProperty("global_name", botName);
    user.addProperty("discriminator", "0");
    user.add("avatar", JsonNull.INSTANCE);
    user.addProperty("bot", true);
    user.addProperty("verified", true);
    user.addProperty("mfa_enabled", false);
    user.addProperty("flags", 0);
    user.addProperty("public_flags", 0);
    return user;
  }

  private JsonObject userJson(DiscordUser user) {
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

  private JsonObject memberJson(DiscordUser user) {
    JsonObject member = new JsonObject();
    member.add("user", userJson(user));
    member.add("roles", Json.strings(user.roleIds()));
    member.addProperty("joined_at", user.joinedAt().toString());
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

  private JsonObject botMemberJson() {
    JsonObject member = new JsonObject();
    member.add("user", botUserJson());
    JsonArray roleIds = new JsonArray();
    roleIds.add(botRoleId);
    member.add("roles", roleIds);
    member.addProperty("joined_at", guildCreated.plus(1, ChronoUnit.DAYS).toString());
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

  private synchronized long permissionsOf(DiscordUser user) {
    if (user.id().equals(ownerId)) {
      return -1L >>> 1;
    }
    long permissions = roles.get(guildId).permissions();
    for (String roleId : user.roleIds()) {
      Role role = roles.get(roleId);
      if (role != null) {
        permissions |= role.permissions();
      }
    }
    return (permissions & ADMINISTRATOR) != 0 ? -1L >>> 1 : permissions;
  }

  private synchronized long permissionsOfBot() {
    return roles.get(guildId).permissions() | roles.get(botRoleId).permissions();
  }

  private JsonObject channelJson(Channel channel) {
    JsonObject json = new JsonObject();
    json.addProperty("id", channel.id());
    json.addProperty("type", 0);
    json.addProperty("guild_id", guildId);
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

  private JsonObject dmChannelJson(String channel, DiscordUser user) {
    JsonObject json = new JsonObject();
    json.addProperty("id", channel);
    json.addProperty("type", 1);
    json.add("last_message_id", JsonNull.INSTANCE);
    json.addProperty("flags", 0);
    JsonArray recipients = new JsonArray();
    recipients.add(userJson(user));
    json.add("recipients", recipients);
    return json;
  }

  /** The READY dispatch for a fresh session. */
  JsonObject readyJson(String sessionId) {
    JsonObject ready = new JsonObject();
    ready.addProperty("v", 10);
    ready.add("user", botUserJson());
    JsonArray guilds = new JsonArray();
    JsonObject unavailable = new JsonObject();
    unavailable.addProperty("id", guildId);
    unavailable.addProperty("unavailable", true);
    guilds.add(unavailable);
    ready.add("guilds", guilds);
    ready.add("private_channels", new JsonArray());
    ready.add("presences", new JsonArray());
    ready.add("relationships", new JsonArray());
    ready.addProperty("session_id", sessionId);
    ready.addProperty("session_type", "normal");
    ready.addProperty("resume_gateway_url", gatewayUrl().toString());
    JsonObject application = new JsonObject();
    application.addProperty("id", applicationId);
    application.addProperty("flags", 0);
    ready.add("application", application);
    JsonArray trace = new JsonArray();
    trace.add("[\"tandem-simulator\",{\"micros\":1}]");
    ready.add("_trace", trace);
    return ready;
  }

  /** The full GUILD_CREATE for the test guild, as Discord sends it after READY. */
  synchronized JsonObject guildCreateJson() {
    JsonObject guild = new JsonObject();
    guild.addProperty("id", guildId);
    guild.addProperty("name", guildName);
    guild.add("icon", JsonNull.INSTANCE);
    guild.add("splash", JsonNull.INSTANCE);
    guild.add("discovery_splash", JsonNull.INSTANCE);
    guild.add("banner", JsonNull.INSTANCE);
    guild.add("description", JsonNull.INSTANCE);
    guild.add("vanity_url_code", JsonNull.INSTANCE);
    guild.addProperty("owner_id", ownerId);
    guild.add("afk_channel_id", JsonNull.INSTANCE);
    guild.addProperty("afk_timeout", 300);
    guild.add("system_channel_id", JsonNull.INSTANCE);
    guild.add("rules_channel_id", JsonNull.INSTANCE);
    guild.add("public_updates_channel_id", JsonNull.INSTANCE);
    guild.add("safety_alerts_channel_id", JsonNull.INSTANCE);
    guild.addProperty("verification_level", 0);
    guild.addProperty("default_message_notifications", 0);
    guild.addProperty("explicit_content_filter", 0);
    guild.addProperty("mfa_level", 0);
    guild.addProperty("nsfw_level", 0);
    guild.addProperty("premium_tier", 0);
    guild.addProperty("premium_subscription_count", 0);
    guild.addProperty("premium_progress_bar_enabled", false);
    guild.addProperty("system_channel_flags", 0);
    guild.addProperty("preferred_locale", "en-US");
    guild.addProperty("max_members", 500000);
    guild.addProperty("max_video_channel_users", 25);
    guild.add("features", new JsonArray());
    guild.add("incidents_data", JsonNull.INSTANCE);
    guild.add("application_id", JsonNull.INSTANCE);
    guild.addProperty("joined_at", guildCreated.plus(1, ChronoUnit.DAYS).toString());
    guild.addProperty("large", false);
    guild.addProperty("lazy", true);
    guild.addProperty("unavailable", false);
    JsonArray roleArray = new JsonArray();
    for (Role role : roles.values()) {
      roleArray.add(roleJson(role));
    }
    guild.add("roles", roleArray);
    JsonArray channelArray = new JsonArray();
    channels.values().forEach(c -> channelArray.add(channelJson(c)));
    guild.add("channels", channelArray);
    JsonArray memberArray = new JsonArray();
    memberArray.add(botMemberJson());
    users.values().stream().filter(u -> !u.left()).forEach(u -> memberArray.add(memberJson(u)));
    guild.add("members", memberArray);
    guild.addProperty("member_count", memberArray.size());
    guild.add("presences", new JsonArray());
    guild.add("voice_states", new JsonArray());
    guild.add("threads", new JsonArray());
    guild.add("emojis", new JsonArray());
    guild.add("stickers", new JsonArray());
    guild.add("stage_instances", new JsonArray());
    guild.add("guild_scheduled_events", new JsonArray());
    guild.add("soundboard_sounds", new JsonArray());
    return guild;
  }

  /** A GUILD_MEMBERS_CHUNK answering a member request, with every member in one chunk. */
  synchronized JsonObject membersChunkJson(String nonce) {
    JsonObject chunk = new JsonObject();
    chunk.addProperty("guild_id", guildId);
    JsonArray memberArray = new JsonArray();
    memberArray.add(botMemberJson());
    users.values().stream().filter(u -> !u.left()).forEach(u -> memberArray.add(memberJson(u)));
    chunk.add("members", memberArray);
    chunk.addProperty("chunk_index", 0);
    chunk.addProperty("chunk_count", 1);
    chunk.add("not_found", new JsonArray());
    if (nonce != null) {
      chunk.addProperty("nonce", nonce);
    }
    return chunk;
  }

  private JsonObject roleJson(Role role) {
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
      tags.addProperty("bot_id", botUserId);
      json.add("tags", tags);
    }
    return json;
  }

  boolean acceptsToken(String token) {
    return botToken.equals(token);
  }

  Clock clock() {
    return clock;
  }

  String nextId() {
    return ids.next();
  }

  @Override
  public void close() {
    gateway.stopQuietly();
    rest.stop();
  }

  private record Role(String id, String name, long permissions, int position, boolean managed) {}

  private record Channel(String id, String name, int position) {}

  private static final class RateLimit {
    private int remaining;
    private final Duration retryAfter;

    private RateLimit(int remaining, Duration retryAfter) {
      this.remaining = remaining;
      this.retryAfter = retryAfter;
    }
  }

  /** Settings for a simulator; every one has a default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String botToken = "simulated-discord-bot-token";
    private String applicationId;
    private String botName = "Tandem";
    private String guildName = "Tandem Test Guild";
    private String adminRoleName = "Tandem Admin";
    private boolean serverMembersIntent = true;
    private boolean replayInteractions = Redelivery.fromSystemProperty().everyRequestTwice();

    private Builder() {}

    /**
     * Whether every interaction is dispatched twice (same id, same token), to run a bot under
     * duplicate delivery; by default on when {@code -Dtandem.simulator.redelivery=twice}, the
     * switch that also makes the simulated Slack deliver everything twice.
     */
    public Builder replayInteractions(boolean enabled) {
      this.replayInteractions = enabled;
      return this;
    }

    /**
     * Whether the bot's "Server Members Intent" is switched on in the (simulated) developer portal.
     * On by default; when off, an IDENTIFY asking for {@code GUILD_MEMBERS} is closed with 4014
     * (disallowed intents), as Discord does.
     */
    public Builder serverMembersIntent(boolean enabled) {
      this.serverMembersIntent = enabled;
      return this;
    }

    /** The clock for recorded times and ids; ids must stay near real time for JDA. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public Builder botToken(String value) {
      this.botToken = value;
      return this;
    }

    /** The application id (also the bot's user id); digits. A fresh snowflake by default. */
    public Builder applicationId(String value) {
      this.applicationId = value;
      return this;
    }

    public Builder botName(String value) {
      this.botName = value;
      return this;
    }

    public Builder guildName(String value) {
      this.guildName = value;
      return this;
    }

    /** The name of the guild role that marks Tandem admins. */
    public Builder adminRoleName(String value) {
      this.adminRoleName = value;
      return this;
    }

    public DiscordSimulator start() {
      try {
        return new DiscordSimulator(this);
      } catch (IOException e) {
        throw new IllegalStateException("Could not start the Discord simulator", e);
      }
    }
  }
}
