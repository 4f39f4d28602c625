package io.tandem.simulator.discord;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
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

  /** The {@code GUILD_MEMBERS} gateway intent (privileged: the "Server Members Intent"). */
  public static final int GUILD_MEMBERS_INTENT = 1 << 1;

  /**
   * How long a nonce sent with {@code enforce_nonce} is remembered. Discord documents "the past few
   * minutes" without a number; the simulator takes five.
   */
  public static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(DiscordSimulator.class);

  private final Guild guild;
  private final GuildJson json;
  private final CommandRegistry commands;
  private final TranscriptLog transcript;
  private final MessageStore messages;
  private final Interactions interactions;
  private final InteractionResponses responses;
  private final Journal<RestCall> calls = new Journal<>();
  private final RateLimits rateLimits = new RateLimits();
  private final DiscordRest rest;
  private final DiscordGateway gateway;
  private final boolean serverMembersIntent;

  DiscordSimulator(DiscordSimulatorBuilder builder) throws IOException {
    this.serverMembersIntent = builder.serverMembersIntent;
    this.guild = new Guild(this, builder);
    this.json = new GuildJson(guild);
    this.commands = new CommandRegistry(guild);
    this.transcript = new TranscriptLog(builder.clock);
    this.messages = new MessageStore(guild, json, transcript, this::restUrl);
    this.gateway = new DiscordGateway(this);
    this.interactions =
        new Interactions(
            guild, json, commands, messages, transcript, gateway, builder.replayInteractions);
    this.responses = new InteractionResponses(guild, interactions, messages, transcript);
    this.rest = new DiscordRest(this);
    try {
      gateway.startAndWait();
    } catch (IOException | RuntimeException e) {
      rest.stop();
      throw e;
    }
    LOG.info("Simulated Discord: REST {} gateway {}", restUrl(), gatewayUrl());
  }

  public static DiscordSimulatorBuilder builder() {
    return new DiscordSimulatorBuilder();
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
    return guild.botToken;
  }

  public String applicationId() {
    return guild.applicationId;
  }

  public String botUserId() {
    return guild.botUserId;
  }

  public String guildId() {
    return guild.guildId;
  }

  /** The {@code #general} channel, where commands run by default. */
  public String channelId() {
    return guild.defaultChannelId();
  }

  public String adminRoleId() {
    return guild.adminRoleId;
  }

  public String adminRoleName() {
    return guild.adminRoleName;
  }

  /** A role that grants Manage Server. */
  public String moderatorRoleId() {
    return guild.moderatorRoleId;
  }

  // --- people and roles ----------------------------------------------------------------------

  /** The person with this username, created on first use. */
  public DiscordUser user(String name) {
    return guild.user(name);
  }

  /** Adds a role to the guild (before the bot connects, or it will not know the role). */
  public String createRole(String name, long permissions) {
    return guild.createRole(name, permissions);
  }

  String roleId(String nameOrId) {
    return guild.roleId(nameOrId);
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
    rateLimits.limit(method, route, times, retryAfter);
  }

  Optional<Duration> takeRateLimit(String method, String route) {
    return rateLimits.take(method, route);
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
   * DiscordSimulatorBuilder#serverMembersIntent}).
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
    user.left(true);
    JsonObject data = new JsonObject();
    data.addProperty("guild_id", guild.guildId);
    data.add("user", json.user(user));
    gateway.dispatch("GUILD_MEMBER_REMOVE", data, GUILD_MEMBERS_INTENT);
  }

  /** How many gateway sessions are identified right now. */
  public int sessions() {
    return gateway.identifiedSessions();
  }

  // --- commands ------------------------------------------------------------------------------

  /** The application commands registered in a guild, or globally when {@code guild} is null. */
  public List<JsonObject> registeredCommands(String guild) {
    return commands.registered(guild);
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

  /**
   * A server admin lets a role or a member use a command whatever its default member permissions,
   * as Server Settings, Integrations does.
   */
  public void allowCommand(String commandName, String roleOrUserId) {
    commands.allow(commandName, roleOrUserId);
  }

  // --- transcript ----------------------------------------------------------------------------

  /**
   * Calls {@code listener} for each interaction and each bot message, on the thread that saw it.
   */
  public void onTranscript(Consumer<TranscriptEntry> listener) {
    transcript.listen(listener);
  }

  public List<TranscriptEntry> transcript() {
    return transcript.snapshot();
  }

  // --- messages the bot sent outside interactions --------------------------------------------

  /** Messages the bot posted with {@code POST channels/{id}/messages}. */
  public List<DiscordMessage> channelMessages() {
    return messages.channelMessages();
  }

  /** Waits for the {@code n}-th (1-based) direct message the bot sent to this person. */
  public DiscordMessage awaitDirectMessage(DiscordUser user, int n, Duration timeout) {
    List<DiscordMessage> found =
        messages.awaitChannelMessages(
            m -> isDmTo(user, m), n, timeout, "direct message to " + user.name());
    return found.get(n - 1);
  }

  /** Waits for a direct message to this person that matches {@code filter}. */
  public DiscordMessage awaitDirectMessage(
      DiscordUser user, Predicate<DiscordMessage> filter, Duration timeout) {
    return messages
        .awaitChannelMessages(
            m -> isDmTo(user, m) && filter.test(m),
            1,
            timeout,
            "matching direct message to " + user.name())
        .get(0);
  }

  private boolean isDmTo(DiscordUser user, DiscordMessage message) {
    return guild.openedDmChannel(user).map(message.channelId()::equals).orElse(false);
  }

  /** The id of the DM channel with this person, once the bot has opened it. */
  public Optional<String> dmChannelId(DiscordUser user) {
    return guild.openedDmChannel(user);
  }

  /** The files attached to a message the bot sent, in order; empty when none. */
  public List<DiscordAttachment> attachments(DiscordMessage message) {
    return messages.attachments(message);
  }

  // --- interactions --------------------------------------------------------------------------

  InteractionResult dispatchCommand(DiscordUser user, String line, boolean inDm) {
    return interactions.command(user, line, inDm);
  }

  InteractionResult dispatchButton(DiscordUser user, String customId) {
    return interactions.button(user, customId);
  }

  InteractionResult dispatchModal(DiscordUser user, String modalId, Map<String, String> values) {
    return interactions.modal(user, modalId, values);
  }

  /**
   * Dispatches an interaction's INTERACTION_CREATE again, the same id and token, as a gateway can
   * deliver an event twice (a resumed session replays what the client may already have seen). The
   * bot's second response to it is refused with 400, code 40060, as Discord refuses it.
   */
  public void replay(InteractionResult interaction) {
    interactions.replay(interaction);
  }

  // --- what the REST server and the gateway answer with --------------------------------------

  Guild guild() {
    return guild;
  }

  GuildJson json() {
    return json;
  }

  CommandRegistry commands() {
    return commands;
  }

  Interactions interactions() {
    return interactions;
  }

  InteractionResponses responses() {
    return responses;
  }

  MessageStore messages() {
    return messages;
  }

  @Override
  public void close() {
    gateway.stopQuietly();
    rest.stop();
  }
}
